package io.colimaservices.cli;

import io.colimaservices.app.AppContext;
import io.colimaservices.domain.UserError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.function.Function;

/**
 * Runs one command-line invocation. Expected failures ({@link UserError}) print one line (plus a hint) and map
 * to their exit code; only a bug prints a stack trace, and then to the log as well.
 */
public final class CliMain {
    private static final Logger LOG = LoggerFactory.getLogger(CliMain.class);

    private CliMain() {
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, null);
    }

    /** @param contextFactory builds the context from the parsed options (tests); null for the real one */
    public static int run(String[] args, PrintWriter out, PrintWriter err,
                          Function<io.colimaservices.app.LaunchOptions, AppContext> contextFactory) {
        return run(args, System.in, out, err, contextFactory);
    }

    /** @param in what commands read as standard input (tests pipe a share in) */
    public static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err,
                          Function<io.colimaservices.app.LaunchOptions, AppContext> contextFactory) {
        CliRoot root = new CliRoot();
        root.useStdin(in);
        CommandLine cli = new CommandLine(root);
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // One duration syntax for every option (30s, 2m, 1h30m, a number of seconds).
        cli.registerConverter(java.time.Duration.class, new DurationConverter());
        cli.setExecutionStrategy(parsed -> {
            if (contextFactory != null) {
                root.useContext(contextFactory.apply(root.launchOptions()));
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof InterruptedException) {
                // Ctrl-C or a caller that stopped a following command: not a failure to report.
                Thread.currentThread().interrupt();
                return ExitCodes.INTERRUPTED;
            }
            if (ex instanceof UserError userError) {
                commandLine.getErr().println("error: " + userError.describe());
                return ExitCodes.of(userError.kind());
            }
            LOG.error("unexpected failure", ex);
            commandLine.getErr().println("error: unexpected failure: " + ex);
            return ExitCodes.FAILURE;
        });
        try {
            return cli.execute(args);
        } finally {
            root.closeContext();
            out.flush();
            err.flush();
        }
    }
}
