package io.colimaservices.cli;

import io.colimaservices.domain.PullProgress;
import io.colimaservices.domain.StackProgress;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How {@code up} shows its steps: the images it pulls first exactly as {@code pull} shows them (live lines on a
 * terminal, plain lines elsewhere, one JSON object per event with {@code --json}), then the stack's steps as lines
 * (with {@code --json}: {@code {"service", "status", "message"}} per step, {@code status} the step's kind). Images
 * already present are said only with {@code -v}.
 */
final class UpOutput implements Consumer<StackProgress> {
    private final PrintWriter out;
    private final boolean json;
    private final boolean verbose;
    private final ProgressPrinter lines;
    private final PullOutput pulls;

    UpOutput(PrintWriter out, boolean json, boolean verbose) {
        this.out = out;
        this.json = json;
        this.verbose = verbose;
        this.lines = new ProgressPrinter(out, verbose);
        this.pulls = json ? new PullJsonOutput(out) : new PullScreen(out, PullCommand.onTerminal(),
                PullCommand.width());
    }

    @Override
    public void accept(StackProgress step) {
        switch (step) {
            case StackProgress.PullStarted started -> pulls.follow(started.run());
            case StackProgress.Pulling pulling -> {
                if (verbose || !(pulling.step() instanceof PullProgress.Present)) {
                    pulls.accept(pulling.step());
                }
            }
            case StackProgress.PullEnded ended -> {
                pulls.close();
                if (!json) {
                    lines.accept(ended);
                }
            }
            default -> {
                if (json) {
                    if (step instanceof StackProgress.ToolOutput && !verbose) {
                        return;
                    }
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("service", step.service().isEmpty() ? null : step.service());
                    line.put("status", step.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
                    line.put("message", step.describe());
                    synchronized (this) {
                        out.println(Json.line(line));
                        out.flush();
                    }
                } else {
                    lines.accept(step);
                }
            }
        }
    }
}
