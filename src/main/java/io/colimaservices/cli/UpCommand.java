package io.colimaservices.cli;

import io.colimaservices.domain.ActionResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "up", description = "Starts groups or services and what they depend on, in dependency order, "
        + "waiting for each depends_on condition. Exit 4 when a service fails or times out.")
final class UpCommand implements Callable<Integer> {
    @ParentCommand
    CliRoot root;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "TARGET", description = "A group (secrets, data, git, apps, "
            + "observability) or a service.")
    List<String> targets;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "How long each service may take to become ready (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = {"-v", "--verbose"}, description = "Show the compose CLI's output while it creates containers.")
    boolean verbose;

    @Override
    public Integer call() {
        try (LiveSession session = LiveSession.open(root.context(), true)) {
            ActionResult result = session.actions().up(targets, Duration.ofSeconds(timeoutSeconds),
                    new ProgressPrinter(spec.commandLine().getOut(), verbose));
            return result.succeeded() ? ExitCodes.OK : ExitCodes.SERVICE_FAILED;
        }
    }
}
