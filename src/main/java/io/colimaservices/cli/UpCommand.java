package io.colimaservices.cli;

import io.colimaservices.domain.ActionResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

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
            + "observability, or any group of your compose file) or a service.")
    List<String> targets;

    @Mixin
    Options.ReadyTimeout timeout;

    @Mixin
    Options.Verbose verbose;

    @Override
    public Integer call() {
        ActionResult result = root.useCases().stack().up(targets, timeout.timeout,
                new ProgressPrinter(spec.commandLine().getOut(), verbose.verbose));
        return result.succeeded() ? ExitCodes.OK : ExitCodes.SERVICE_FAILED;
    }
}
