package io.colimaservices.cli;

import io.colimaservices.domain.ActionResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "restart", description = "Restarts a service and waits until it is ready again.")
final class RestartCommand implements Callable<Integer> {
    @ParentCommand
    CliRoot root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SERVICE")
    String service;

    @Mixin
    Options.ReadyTimeout timeout;

    @Override
    public Integer call() {
        ActionResult result = root.useCases().stack().restart(service, timeout.timeout,
                new ProgressPrinter(spec.commandLine().getOut(), false));
        return result.succeeded() ? ExitCodes.OK : ExitCodes.SERVICE_FAILED;
    }
}
