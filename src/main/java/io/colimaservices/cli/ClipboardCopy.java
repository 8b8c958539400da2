package io.colimaservices.cli;

import io.colimaservices.app.UseCases;

import java.io.PrintWriter;
import java.time.Duration;

/** Prints what a copy to the clipboard did: the value went there, not to the terminal. */
final class ClipboardCopy {
    private ClipboardCopy() {
    }

    static void copy(UseCases useCases, PrintWriter out, String secret, String what, Duration clearAfter) {
        String tool = useCases.clipboard().copy(secret, clearAfter);
        out.printf("Copied %s to the clipboard (%s); it will be cleared in %d s if it is still there.%n", what,
                tool, clearAfter.toSeconds());
    }
}
