package io.colimaservices.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "export-shares", description = "Writes the stored unseal key shares to a new file (0600) for your "
        + "own backup. Never prints them.")
final class VaultExportSharesCommand implements Callable<Integer> {

    @ParentCommand
    VaultCommand vault;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A file that does not exist yet (its folder's permissions are "
            + "left as they are).")
    Path file;

    @Option(names = "--set", paramLabel = "FINGERPRINT", description = "A kept set (see 'vault share-sets'), e.g. "
            + "the one an older backup of Vault names (default: the current set).")
    String set;

    @Override
    public Integer call() {
        int written = vault.useCase().exportShares(file, Optional.ofNullable(set));
        spec.commandLine().getOut().printf("Exported %d shares to %s (readable by you only).%n", written, file);
        return ExitCodes.OK;
    }
}
