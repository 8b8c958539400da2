package io.colimaservices.cli;

import io.colimaservices.domain.VmRuntime;
import io.colimaservices.domain.VmSpec;
import io.colimaservices.domain.VmState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "restart", mixinStandardHelpOptions = true,
        description = "Stops the VM if it runs, then starts it with the settings' resources "
        + "(the fix for a stale socket).")
final class VmRestartCommand implements Callable<Integer> {

    @ParentCommand
    VmCommand vm;

    @Spec
    CommandSpec spec;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Give up on the start after this long (default: 15m).")
    Duration timeout;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        VmSpec chosen = vm.vmSpec();
        VmRuntime runtime = vm.context().vmRuntime();
        runtime.restart(chosen, timeout != null ? timeout : VmRuntime.START_DEADLINE, VmCommand.printer(out));
        VmState after = runtime.status(chosen.profile());
        after = after.withSocketDiagnosis(vm.context().socketCheck().diagnose(after));
        out.println(VmText.headline(after));
        after.socketDiagnosis().ifPresent(d -> VmText.socketLines(d).forEach(out::println));
        return ExitCodes.OK;
    }
}
