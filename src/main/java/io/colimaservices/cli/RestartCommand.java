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

@Command(name = "restart", description = "Restarts a service and waits until it is ready again.")
final class RestartCommand implements Callable<Integer> {
    @ParentCommand
    CliRoot root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SERVICE")
    String service;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "How long the service may take to become ready (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Override
    public Integer call() {
        try (LiveSession session = LiveSession.open(root.context())) {
            ActionResult result = session.actions().restart(service, Duration.ofSeconds(timeoutSeconds),
                    new ProgressPrinter(spec.commandLine().getOut(), false));
            return result.succeeded() ? ExitCodes.OK : ExitCodes.SERVICE_FAILED;
        }
    }
}
