package io.colimaservices.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The app's "Open shell" and "Open client": the user's terminal running the same command line a user would type,
 * {@code colima-services shell SERVICE [--client]} with the app's own project, compose file and Docker host, so
 * the session is the command line's in every way (exit codes, resize, raw mode). When no terminal can be opened the
 * outcome carries the command line to copy.
 */
public final class ShellLauncher {
    private final Supplier<Optional<List<String>>> program;
    private final List<String> contextOptions;
    private final TerminalLauncher terminal;

    /** What happened, in words for a page or a notice; {@code commandLine} is what to paste into a terminal. */
    public record Outcome(boolean opened, String message, String commandLine) {
    }

    /**
     * @param program        how to run this app's command line (the packaged launcher, or java -jar); empty when
     *                       it cannot be known (run from class folders)
     * @param contextOptions the options that point the command line at the app's stack ({@code --project-name ...})
     */
    public ShellLauncher(Supplier<Optional<List<String>>> program, List<String> contextOptions,
                         TerminalLauncher terminal) {
        this.program = Objects.requireNonNull(program);
        this.contextOptions = List.copyOf(contextOptions);
        this.terminal = Objects.requireNonNull(terminal);
    }

    /** The command line for {@code service}: the program, {@code shell}, the context options, the service. */
    public List<String> command(String service, boolean client) {
        List<String> command = new ArrayList<>(program.get().orElse(List.of("colima-services")));
        command.add("shell");
        command.addAll(contextOptions);
        command.add(service);
        if (client) {
            command.add("--client");
        }
        return command;
    }

    public Outcome open(String service, boolean client) {
        List<String> command = command(service, client);
        String line = ShellQuoting.join(command);
        String what = (client ? "the client of " : "a shell in ") + service;
        if (program.get().isEmpty()) {
            return new Outcome(false, "Cannot open " + what + ": this run of the app has no command line to "
                    + "start (it runs from class folders)", line);
        }
        try {
            terminal.open(service + (client ? " client" : " shell"), command);
            return new Outcome(true, "Opened " + what + " in a terminal", line);
        } catch (UserError e) {
            return new Outcome(false, "Cannot open " + what + ": " + e.getMessage()
                    + (e.hint().isEmpty() ? "" : " (" + e.hint() + ")"), line);
        }
    }
}
