package io.colimaservices.cli;

import io.colimaservices.domain.UserError;
import io.colimaservices.domain.VmPhase;
import io.colimaservices.domain.VmState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows the VM (running, stopped, absent, not-installed) and checks its "
        + "Docker socket. Exit 0 when the state could be read, 6 when Colima failed.")
final class VmStatusCommand implements Callable<Integer> {

    @ParentCommand
    VmCommand vm;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print JSON: installed, profile, state, arch, cpus, memoryGiB, diskGiB, "
            + "socket, address, runtime, kubernetes, error (when unreadable), socketDiagnosis {condition, socket, "
            + "detail, action, actionText}.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        VmState state = vm.context().vmRuntime().status(vm.profile());
        state = state.withSocketDiagnosis(vm.context().socketCheck().diagnose(state));
        if (json) {
            out.println(Json.pretty(VmText.json(state)));
        } else {
            out.println(VmText.headline(state));
            if (!state.isInstalled()) {
                out.println("Colima: " + vm.context().vmRuntime().describeTool());
            }
            state.socket().ifPresent(s -> out.println("Socket: " + s));
            state.socketDiagnosis().ifPresent(d -> VmText.socketLines(d).forEach(out::println));
        }
        if (state.phase() == VmPhase.UNKNOWN) {
            throw new UserError(UserError.Kind.VM, state.error().orElse("the VM's state could not be read"),
                    "'colima status --profile " + state.profile() + "' in a terminal shows Colima's own words");
        }
        return ExitCodes.OK;
    }
}
