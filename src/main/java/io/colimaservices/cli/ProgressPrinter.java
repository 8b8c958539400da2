package io.colimaservices.cli;

import io.colimaservices.domain.StackProgress;

import java.io.PrintWriter;
import java.util.function.Consumer;

/** Prints stack progress as lines; a failure gets its health output, exit code and last log lines. */
final class ProgressPrinter implements Consumer<StackProgress> {
    private final PrintWriter out;
    private final boolean verbose;

    ProgressPrinter(PrintWriter out, boolean verbose) {
        this.out = out;
        this.verbose = verbose;
    }

    @Override
    public void accept(StackProgress event) {
        if (event instanceof StackProgress.ToolOutput && !verbose) {
            return;
        }
        if (event instanceof StackProgress.Failed failed) {
            out.println("FAILED " + failed.describe());
            failed.exitCode().ifPresent(code -> out.println("  exit code: " + code));
            failed.healthOutput().ifPresent(h -> out.println("  last health check: " + h.replace("\n", "\n    ")));
            if (!failed.lastLogLines().isEmpty()) {
                out.println("  last log lines:");
                failed.lastLogLines().forEach(l -> out.println("    " + l));
            }
        } else {
            out.println(event.describe());
        }
        out.flush();
    }
}
