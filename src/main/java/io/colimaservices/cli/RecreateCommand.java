package io.colimaservices.cli;

import io.colimaservices.domain.ActionResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "recreate", description = "Replaces a service's container with one made from its current definition "
        + "(its volumes are kept), after starting what it depends on, and waits until it is ready. 'up' does this "
        + "by itself for a service whose definition changed.")
final class RecreateCommand implements Callable<Integer> {
    @ParentCommand
    CliRoot root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SERVICE")
    String service;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "How long each service may take to become ready (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = {"-v", "--verbose"}, description = "Show the compose CLI's output.")
    boolean verbose;

    @Override
    public Integer call() {
        try (LiveSession session = LiveSession.open(root.context(), true)) {
            ActionResult result = session.actions().recreate(service, Duration.ofSeconds(timeoutSeconds),
                    new ProgressPrinter(spec.commandLine().getOut(), verbose));
            return result.succeeded() ? ExitCodes.OK : ExitCodes.SERVICE_FAILED;
        }
    }
}
