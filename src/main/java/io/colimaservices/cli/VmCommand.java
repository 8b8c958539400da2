package io.colimaservices.cli;

import io.colimaservices.usecase.VmUseCase;
import io.colimaservices.domain.VmProgress;
import io.colimaservices.domain.VmSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Optional;

/** The Colima VM of the configured profile (or {@code --profile}). */
@Command(name = "vm",
        description = "Shows, starts, stops, restarts or deletes the Colima VM.",
        subcommands = {VmStatusCommand.class, VmStartCommand.class, VmStopCommand.class, VmRestartCommand.class,
                VmDeleteCommand.class, VmDoctorCommand.class},
        synopsisSubcommandLabel = "COMMAND")
final class VmCommand implements Runnable {

    @ParentCommand
    CliRoot root;

    @Spec
    CommandSpec spec;

    @Option(names = "--profile", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "The Colima profile (default: the one in the settings, else 'default').")
    String profile;

    /** {@code vm} alone: the usage, since there is no safe default action. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    VmUseCase useCase() {
        return root.useCases().vm();
    }

    /** The settings' VM spec, for the chosen profile. */
    VmSpec vmSpec() {
        return useCase().spec(Optional.ofNullable(profile));
    }

    String profile() {
        return vmSpec().profile();
    }

    /** Prints the tool's lines as they come: a start can take minutes and must never look hung. */
    static VmProgress printer(PrintWriter out) {
        return line -> {
            out.println(line);
            out.flush();
        };
    }
}
