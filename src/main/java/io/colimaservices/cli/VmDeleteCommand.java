package io.colimaservices.cli;

import io.colimaservices.domain.UserError;
import io.colimaservices.domain.VmDeletion;
import io.colimaservices.domain.VmRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.Console;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "delete",
        description = "Deletes the VM with every container, image and volume in it. Asks you to "
        + "type the profile's name; without a terminal, pass it with --confirm.")
final class VmDeleteCommand implements Callable<Integer> {

    @ParentCommand
    VmCommand vm;

    @Spec
    CommandSpec spec;

    @Option(names = "--confirm", paramLabel = "PROFILE",
            description = "The profile's name, typed out: deletes only when it matches exactly.")
    String confirm;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String profile = vm.profile();
        String typed = confirm != null ? confirm : ask(profile);
        VmDeletion deletion = VmDeletion.confirm(profile, typed);
        vm.useCase().delete(deletion, VmRuntime.DELETE_DEADLINE, VmCommand.printer(out));
        out.println("VM " + profile + ": deleted");
        return ExitCodes.OK;
    }

    /** Only from a terminal: a pipe could answer without anyone having read the question. */
    private static String ask(String profile) {
        Console console = System.console();
        if (console == null || !console.isTerminal()) {
            throw new UserError(UserError.Kind.CONFIGURATION,
                    "vm delete needs the profile's name typed out, and there is no terminal to ask in",
                    "pass --confirm " + profile);
        }
        String answer = console.readLine("This deletes VM '%s' with all its containers, images and volumes.%n"
                + "Type the profile name to confirm: ", profile);
        return answer == null ? "" : answer;
    }
}
