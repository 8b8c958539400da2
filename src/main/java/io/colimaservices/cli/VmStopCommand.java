package io.colimaservices.cli;

import io.colimaservices.domain.VmRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Stops the VM gracefully; if that takes longer than the timeout, stops it "
        + "with --force.")
final class VmStopCommand implements Callable<Integer> {

    @ParentCommand
    VmCommand vm;

    @Spec
    CommandSpec spec;

    @Option(names = "--force", description = "Stop at once, without the container runtime's graceful shutdown.")
    boolean force;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long a graceful stop may take before --force (default: 2m).")
    Duration timeout;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String profile = vm.profile();
        vm.context().vmRuntime().stop(profile, force, timeout != null ? timeout : VmRuntime.STOP_DEADLINE,
                VmCommand.printer(out));
        out.println("VM " + profile + ": stopped");
        return ExitCodes.OK;
    }
}
