package io.colimaservices.cli;

import io.colimaservices.domain.ActionResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "down", description = "Stops groups or services, first stopping the running services that "
        + "depend on them, in reverse dependency order. Containers are kept.")
final class DownCommand implements Callable<Integer> {
    @ParentCommand
    CliRoot root;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "TARGET", description = "A group or a service.")
    List<String> targets;

    @Override
    public Integer call() {
        ActionResult result = root.useCases().stack().down(targets,
                new ProgressPrinter(spec.commandLine().getOut(), false));
        return result.succeeded() ? ExitCodes.OK : ExitCodes.SERVICE_FAILED;
    }
}
