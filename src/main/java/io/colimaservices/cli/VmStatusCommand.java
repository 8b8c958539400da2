package io.colimaservices.cli;

import io.colimaservices.domain.UserError;
import io.colimaservices.domain.VmPhase;
import io.colimaservices.domain.VmState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "status",
        description = "Shows the VM (running, stopped, absent, not-installed) and checks its "
        + "Docker socket. Exit 0 when the state could be read, 6 when Colima failed.",
        footer = {"", "JSON (--json): installed, profile, state, arch, cpus, memoryGiB, diskGiB, socket, address, "
                + "runtime, kubernetes, error (when unreadable), socketDiagnosis {condition, socket, detail, action, "
                + "actionText}."})
final class VmStatusCommand implements Callable<Integer> {

    @ParentCommand
    VmCommand vm;

    @Spec
    CommandSpec spec;

    @Mixin
    Options.Json json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        VmState state = vm.useCase().status(vm.profile());
        if (json.json) {
            out.println(Json.pretty(VmText.json(state)));
        } else {
            out.println(VmText.headline(state));
            if (!state.isInstalled()) {
                out.println("Colima: " + vm.useCase().describeTool());
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
