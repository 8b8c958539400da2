package io.colimaservices.cli;

import io.colimaservices.domain.VaultOperations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "arm", description = "Writes fresh one-use AppRole credentials for the vault-agent (before it starts).")
final class VaultArmCommand implements Callable<Integer> {

    @ParentCommand
    VaultCommand vault;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        VaultOperations.ArmOutcome armed = vault.useCase().arm();
        spec.commandLine().getOut().printf("Armed vault-agent for %d services under %s (secret IDs wrapped, valid %s, "
                + "single use).%n", armed.services().size(), armed.directory(), armed.validity());
        return ExitCodes.OK;
    }
}
