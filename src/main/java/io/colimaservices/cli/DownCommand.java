package io.colimaservices.cli;

import io.colimaservices.domain.ActionResult;
import io.colimaservices.domain.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "down", description = "Stops groups or services, first stopping the running services that "
        + "depend on them, in reverse dependency order. Containers are kept.")
final class DownCommand implements Callable<Integer> {
    @ParentCommand
    CliRoot root;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "TARGET", description = "A group or a service.")
    List<String> targets = new ArrayList<>();

    @Option(names = "--all", description = "Stops every service of the stack that runs.")
    boolean all;

    @Override
    public Integer call() {
        if (all == !targets.isEmpty()) {
            throw new UserError(UserError.Kind.CONFIGURATION, all ? "down --all takes no TARGET"
                    : "name a group or a service to stop, or --all");
        }
        ProgressPrinter printer = new ProgressPrinter(spec.commandLine().getOut(), false);
        ActionResult result = all ? root.useCases().stack().downAll(printer)
                : root.useCases().stack().down(targets, printer);
        return result.succeeded() ? ExitCodes.OK : ExitCodes.SERVICE_FAILED;
    }
}
