package io.colimaservices.app;

import io.colimaservices.cli.CliMain;
import io.colimaservices.cli.ExitCodes;
import io.colimaservices.domain.UserError;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The launcher: with no arguments it starts the menu-bar app, with a subcommand it is the command-line tool.
 * Does not extend {@code Application} on purpose (see {@link DesktopApp}).
 */
public final class Main {
    private static final String EXIT_WHEN_READY = "--exit-when-ready";

    private Main() {
    }

    public static void main(String[] args) {
        // SLF4J would otherwise search every jar for its provider (one of the costs of the first log line).
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "ch.qos.logback.classic.spi.LogbackServiceProvider");
        }
        // ... and then say on stderr, at every start, that it did ("SLF4J(I): Attempting to load provider ..."):
        // only its warnings and errors are worth the user's terminal.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = startsTheAppWithDefaults(args) ? runApp(args, err) : CliMain.run(args, out, err);
        // AWT and docker-java leave non-daemon threads behind: exit explicitly with the command's code.
        System.exit(code);
    }

    /**
     * The app's usual start (no arguments, as at login) skips the command line: building picocli's model of every
     * command costs about 100 ms before the first window, for options that all keep their defaults.
     */
    static boolean startsTheAppWithDefaults(String[] args) {
        return args.length == 0 || List.of(args).equals(List.of(EXIT_WHEN_READY));
    }

    private static int runApp(String[] args, PrintWriter err) {
        try {
            return DesktopApp.run(LaunchOptions.defaults(), args.length == 1);
        } catch (UserError e) {
            err.println("error: " + e.describe());
            return ExitCodes.of(e.kind());
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(Main.class).error("unexpected failure", e);
            err.println("error: unexpected failure: " + e);
            return 1;
        }
    }
}
