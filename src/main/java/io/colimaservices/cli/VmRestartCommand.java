package io.colimaservices.cli;

import io.colimaservices.usecase.VmUseCase;
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

@Command(name = "restart",
        description = "Stops the VM if it runs, then starts it with the settings' resources "
        + "(the fix for a stale socket).")
final class VmRestartCommand implements Callable<Integer> {

    @ParentCommand
    VmCommand vm;

    @Spec
    CommandSpec spec;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "15m",
            description = "Give up on the start after this long: 30s, 2m, 1h30m, or a number of seconds "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        VmSpec chosen = vm.vmSpec();
        VmUseCase machine = vm.useCase();
        machine.restart(chosen, timeout, VmCommand.printer(out));
        VmState after = machine.status(chosen.profile());
        out.println(VmText.headline(after));
        after.socketDiagnosis().ifPresent(d -> VmText.socketLines(d).forEach(out::println));
        return ExitCodes.OK;
    }
}
