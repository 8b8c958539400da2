package io.colimaservices.cli;

import io.colimaservices.usecase.VaultUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code vault}: Vault's lifecycle. Keys and tokens go to the secret store, never to the terminal. */
@Command(name = "vault", description = "Vault: status, first-run init, import of old keys, unseal, bootstrap, arming the agent, "
        + "tokens, a backup of the unseal shares.",
        subcommands = {VaultStatusCommand.class, VaultInitCommand.class, VaultImportCommand.class,
                VaultUnsealCommand.class, VaultBootstrapCommand.class, VaultArmCommand.class,
                VaultTokenCommand.class, VaultExportSharesCommand.class, VaultShareSetsCommand.class})
final class VaultCommand implements Callable<Integer> {

    @ParentCommand
    CliRoot root;

    @Spec
    CommandSpec spec;

    /** {@code vault} alone: the list of subcommands, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE_OR_CONFIG;
    }

    VaultUseCase useCase() {
        return root.useCases().vault();
    }
}
