package io.colimaservices.cli;

import picocli.CommandLine.Option;

import java.time.Duration;

/**
 * The options several commands share, as picocli mixins ({@code @Mixin Options.Json json;}), so that each is
 * spelled, described and parsed the same way everywhere. Durations use the one syntax of {@link DurationConverter}
 * (registered for every {@link Duration} option in {@link CliMain}).
 */
final class Options {
    private Options() {
    }

    /** {@code --json}: what a script parses; the command's footer says what the document holds. */
    static final class Json {
        @Option(names = "--json", description = "Print JSON instead of text (the fields are listed below).")
        boolean json;
    }

    /** {@code --timeout}: how long a service may take to become ready. */
    static final class ReadyTimeout {
        static final String DEFAULT = "2m";

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = DEFAULT,
                description = "How long each service may take to become ready: 30s, 2m, 1h30m, or a number of "
                        + "seconds (default: ${DEFAULT-VALUE}).")
        Duration timeout;
    }

    /** {@code -v}: the compose CLI's own output while it creates containers. */
    static final class Verbose {
        @Option(names = {"-v", "--verbose"}, description = "Show the compose CLI's output while it creates "
                + "containers.")
        boolean verbose;
    }

    /** {@code --copy} and {@code --clear-after}: a secret to the clipboard instead of the terminal. */
    static final class Copy {
        @Option(names = "--copy", description = "Copy to the clipboard instead of printing; cleared after "
                + "--clear-after if it still holds the value.")
        boolean copy;

        @Option(names = "--clear-after", paramLabel = "DURATION", defaultValue = "30s",
                description = "With --copy: how long the value stays on the clipboard (default: ${DEFAULT-VALUE}).")
        Duration clearAfter;
    }
}
