package io.colimaservices.app;

import io.colimaservices.cli.CliMain;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The launcher: with no arguments it starts the menu-bar app, with a subcommand it is the command-line tool.
 * Does not extend {@code Application} on purpose (see {@link DesktopApp}).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = CliMain.run(args, out, err);
        // AWT and docker-java leave non-daemon threads behind: exit explicitly with the command's code.
        System.exit(code);
    }
}
