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

@Command(name = "start",
        description = "Starts (or creates) the VM with the settings' resources, showing Colima's "
        + "output as it comes. Options override the settings for this start only.")
final class VmStartCommand implements Callable<Integer> {

    @ParentCommand
    VmCommand vm;

    @Spec
    CommandSpec spec;

    @Option(names = "--cpu", paramLabel = "N", description = "CPUs (default: the settings', else 4).")
    Integer cpus;

    @Option(names = "--memory", paramLabel = "GIB", description = "Memory in GiB (default: the settings', else 8).")
    Integer memory;

    @Option(names = "--disk", paramLabel = "GIB", description = "Disk in GiB; Colima can grow a disk, never shrink "
            + "it (default: the settings', else 60).")
    Integer disk;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "15m",
            description = "Give up (and stop Colima) after this long: 30s, 2m, 1h30m, or a number of seconds "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        VmSpec chosen = vm.vmSpec();
        if (cpus != null) {
            chosen = chosen.withCpus(cpus);
        }
        if (memory != null) {
            chosen = chosen.withMemoryGiB(memory);
        }
        if (disk != null) {
            chosen = chosen.withDiskGiB(disk);
        }
        VmUseCase machine = vm.useCase();
        machine.start(chosen, timeout, VmCommand.printer(out));
        VmState after = machine.status(chosen.profile());
        out.println(VmText.headline(after));
        after.socketDiagnosis().ifPresent(d -> VmText.socketLines(d).forEach(out::println));
        return ExitCodes.OK;
    }
}
