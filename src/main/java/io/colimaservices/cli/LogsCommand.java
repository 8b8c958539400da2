package io.colimaservices.cli;

import io.colimaservices.app.CommandLineStack;
import io.colimaservices.domain.AnsiText;
import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.LogBuffer;
import io.colimaservices.domain.LogLine;
import io.colimaservices.domain.LogRequest;
import io.colimaservices.domain.LogSession;
import io.colimaservices.domain.LogSource;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.StackStore;
import io.colimaservices.domain.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "logs", description = "Prints the logs of one or more services (or groups), merged by time. "
        + "stderr lines are marked with '!'.")
final class LogsCommand implements Callable<Integer> {
    /** How often a followed session is drained: small enough to feel live, large enough to batch a flood. */
    private static final Duration DRAIN_INTERVAL = Duration.ofMillis(100);

    @ParentCommand
    CliRoot root;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SERVICE")
    List<String> targets;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new lines; reconnects if the stream breaks.")
    boolean follow;

    @Option(names = {"-n", "--tail"}, paramLabel = "N", defaultValue = "200",
            description = "Lines from the end of each log (default: ${DEFAULT-VALUE}).")
    int tail;

    @Option(names = "--since", paramLabel = "TIME", converter = Durations.class,
            description = "Only lines newer than this, in docker's forms: a time ago (90s, 10m, 1h30m, 2d), an "
                    + "RFC 3339 time, or a Unix timestamp.")
    Instant since;

    @Option(names = {"-t", "--timestamps"}, description = "Show each line's time.")
    boolean timestamps;

    @Option(names = "--no-color", description = "Strip ANSI colour codes.")
    boolean noColor;

    @Override
    public Integer call() throws InterruptedException {
        if (tail < 0) {
            throw new UserError(UserError.Kind.CONFIGURATION, "--tail must be 0 or more", "");
        }
        Catalog catalog = root.context().catalog();
        List<String> services = new ArrayList<>(catalog.resolveTargets(targets));
        // One service read once, without --timestamps: no time is needed, and the daemon is spared formatting it.
        LogRequest request = follow || timestamps || services.size() > 1
                ? new LogRequest(follow, tail, Optional.ofNullable(since))
                : LogRequest.untimed(tail, Optional.ofNullable(since));
        if (follow) {
            // Closed with the context when the command ends.
            CommandLineStack live = root.context().commandLineStack();
            try (LogSession logs = session(live.store(), services, request)) {
                live.watcher().onEventApplied(e -> {
                    if (e.action().equals("start")) {
                        logs.poke(e.service());
                    }
                });
                printFollowing(logs, services.size() > 1);
            }
            return ExitCodes.OK;
        }
        StackSnapshot snapshot = root.context().liveSnapshot();
        List<String> missing = services.stream().filter(s -> snapshot.status(s).containerId().isEmpty()).toList();
        if (missing.size() == services.size()) {
            throw new UserError(UserError.Kind.OTHER, "no container for " + String.join(", ", missing),
                    "start it first: up " + missing.getFirst());
        }
        try (LogSession logs = session(new StackStore(snapshot), services, request)) {
            logs.awaitEnd(Duration.ofSeconds(60));
            print(logs.drain(Integer.MAX_VALUE), services.size() > 1);
        }
        return ExitCodes.OK;
    }

    private LogSession session(StackStore store, List<String> services, LogRequest request) {
        return new LogSession(root.context().engine(), s -> store.current().status(s).containerId(), services,
                request, LogBuffer.DEFAULT_CAPACITY).start();
    }

    private void printFollowing(LogSession logs, boolean prefixed) throws InterruptedException {
        while (!Thread.currentThread().isInterrupted()) {
            print(logs.drain(LogBuffer.DEFAULT_CAPACITY), prefixed);
            Thread.sleep(DRAIN_INTERVAL);
        }
    }

    private void print(LogSession.Drain drain, boolean prefixed) {
        PrintWriter out = spec.commandLine().getOut();
        if (drain.dropped() > 0) {
            out.println("[" + drain.dropped() + " lines dropped]");
        }
        int width = prefixed ? drain.lines().stream().mapToInt(l -> l.service().length()).max().orElse(0) : 0;
        StringBuilder line = new StringBuilder(256);
        for (LogLine l : drain.lines()) {
            line.setLength(0);
            if (prefixed) {
                line.append(l.service()).append(" ".repeat(Math.max(0, width - l.service().length())))
                        .append(l.source() == LogSource.STDERR ? " ! " : " | ");
            } else if (l.source() == LogSource.STDERR) {
                line.append("! ");
            }
            if (timestamps) {
                line.append(l.time()).append(' ');
            }
            line.append(noColor ? AnsiText.strip(l.text()) : l.text());
            out.println(line);
        }
        out.flush();
    }
}
