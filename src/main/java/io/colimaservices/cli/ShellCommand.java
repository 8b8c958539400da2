package io.colimaservices.cli;

import io.colimaservices.domain.ExecIo;
import io.colimaservices.domain.ServiceShell;
import io.colimaservices.domain.UserError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code shell SERVICE [--client] [-- COMMAND...]}: parse, call {@link ServiceShell}, pass its exit code on. */
@Command(name = "shell", exitCodeOnInvalidInput = ServiceShell.CANNOT_RUN,
        exitCodeOnExecutionException = ServiceShell.CANNOT_RUN,
        description = {"Opens a shell in a service's running container (bash when the image has it, else sh), "
                + "the service's own client with --client, or runs COMMAND after --.",
                "Standard input is passed on (pipes and scripts work); a terminal is used when stdin and stdout "
                        + "are one, with its size kept on resize.",
                "Exit codes: the command's own; 125 when it cannot be run (unknown service, not running, Docker "
                        + "unreachable), 126 when the program cannot be executed, 127 when it does not exist."},
        usageHelpAutoWidth = true)
final class ShellCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ShellCommand.class);

    @ParentCommand
    CliRoot root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SERVICE", description = "The service (as named in the compose file).")
    String service;

    @Parameters(index = "1..*", paramLabel = "COMMAND", description = "The command and its arguments, after --; "
            + "with --client, arguments for the client.")
    List<String> command = List.of();

    @Option(names = "--client", description = "The service's own client (compose label "
            + ServiceShell.CLIENT_LABEL + "), already authenticated: psql, mysql, mongosh, redis-cli, rabbitmqctl.")
    boolean client;

    @Option(names = {"-T", "--no-tty"}, description = "No terminal in the container, even when this is one "
            + "(stdout and stderr then stay apart).")
    boolean noTty;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ServiceShell.Mode mode = client ? ServiceShell.Mode.CLIENT
                : command.isEmpty() ? ServiceShell.Mode.SHELL : ServiceShell.Mode.COMMAND;
        try {
            spec.commandLine().getOut().flush();
            ServiceShell.Result result = root.useCases().shell().run(new ServiceShell.Request(service, mode, command,
                            !noTty),
                    new ExecIo(Optional.of(root.stdin()), root.stdoutBytes(), root.stderrBytes()));
            result.message().ifPresent(message -> err.println("error: " + message));
            return result.exitCode();
        } catch (UserError e) {
            err.println("error: " + e.describe());
            return ServiceShell.CANNOT_RUN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.INTERRUPTED;
        } catch (RuntimeException e) {
            LOG.error("unexpected failure in shell", e);
            err.println("error: unexpected failure: " + e);
            return ServiceShell.CANNOT_RUN;
        } finally {
            err.flush();
        }
    }
}
