package io.colimaservices.cli;

import io.colimaservices.app.AppContext;
import io.colimaservices.domain.ClipboardGuard;
import io.colimaservices.domain.ClipboardService;
import io.colimaservices.domain.UserError;
import io.colimaservices.platform.DetachedClearer;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;

/**
 * Puts a secret on the clipboard and leaves a detached clearer behind, so the command returns at once and the
 * clipboard is cleared on time (by the wall clock) if it still holds the secret.
 */
final class ClipboardCopy {
    private ClipboardCopy() {
    }

    static void copy(AppContext context, PrintWriter out, String secret, String what, int clearAfterSeconds) {
        if (clearAfterSeconds < 1) {
            throw new UserError(UserError.Kind.CONFIGURATION, "--clear-after must be at least 1 second");
        }
        ClipboardService clipboard = context.clipboard().orElseThrow(() -> new UserError(UserError.Kind.OTHER,
                "no clipboard tool found", "on Linux install wl-clipboard, xclip or xsel (and run in a desktop "
                + "session); or drop --copy to print"));
        ClipboardGuard guard = new ClipboardGuard(clipboard, Clock.systemUTC());
        ClipboardGuard.Pending pending = guard.copy(secret, Duration.ofSeconds(clearAfterSeconds));
        DetachedClearer.start(pending, context.environment());
        out.printf("Copied %s to the clipboard (%s); it will be cleared in %d s if it is still there.%n", what,
                clipboard.description(), clearAfterSeconds);
    }
}
