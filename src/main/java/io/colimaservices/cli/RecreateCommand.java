package io.colimaservices.cli;

import io.colimaservices.domain.ActionResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

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

    @Mixin
    Options.ReadyTimeout timeout;

    @Mixin
    Options.Verbose verbose;

    @Override
    public Integer call() {
        ActionResult result = root.useCases().stack().recreate(service, timeout.timeout,
                new ProgressPrinter(spec.commandLine().getOut(), verbose.verbose));
        return result.succeeded() ? ExitCodes.OK : ExitCodes.SERVICE_FAILED;
    }
}
