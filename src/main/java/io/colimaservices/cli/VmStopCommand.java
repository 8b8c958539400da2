package io.colimaservices.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "stop",
        description = "Stops the VM gracefully; if that takes longer than the timeout, stops it "
        + "with --force.")
final class VmStopCommand implements Callable<Integer> {

    @ParentCommand
    VmCommand vm;

    @Spec
    CommandSpec spec;

    @Option(names = "--force", description = "Stop at once, without the container runtime's graceful shutdown.")
    boolean force;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "2m",
            description = "How long a graceful stop may take before --force: 30s, 2m, 1h30m, or a number of "
                    + "seconds (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String profile = vm.profile();
        vm.useCase().stop(profile, force, timeout, VmCommand.printer(out));
        out.println("VM " + profile + ": stopped");
        return ExitCodes.OK;
    }
}
