package io.colimaservices.cli;

import io.colimaservices.domain.VaultOperations;
import io.colimaservices.usecase.VaultUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "init", description = "Initializes a new Vault and keeps its unseal key shares and root token in the "
        + "secret store (Keychain, Secret Service, or a 0600 file).")
final class VaultInitCommand implements Callable<Integer> {

    @ParentCommand
    VaultCommand vault;

    @Spec
    CommandSpec spec;

    @Option(names = "--shares", defaultValue = "5", description = "Unseal key shares to create (default: ${DEFAULT-VALUE}).")
    int shares;

    @Option(names = "--threshold", defaultValue = "3",
            description = "Shares needed to unseal (default: ${DEFAULT-VALUE}).")
    int threshold;

    @Option(names = "--export-shares", paramLabel = "FILE",
            description = "Also write the shares to this new file (0600) for your own backup.")
    Path exportFile;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        VaultUseCase actions = vault.useCase();
        VaultOperations.InitOutcome outcome = actions.init(shares, threshold);
        out.printf("Vault at %s is initialized.%n", actions.address());
        out.printf("%d unseal key shares (%d needed to unseal) and the root token are stored in %s.%n",
                outcome.shares(), outcome.threshold(), outcome.storedIn());
        if (outcome.weakerStore()) {
            StoreWarning.print(spec.commandLine().getErr());
        }
        if (exportFile != null) {
            int written = actions.exportShares(exportFile);
            out.printf("Exported the %d shares to %s (readable by you only). Keep that file away from this computer.%n",
                    written, exportFile);
        } else {
            out.println("Keep a backup of the shares somewhere else: colima-services vault export-shares FILE");
        }
        out.println("Next: colima-services vault unseal, then colima-services vault bootstrap.");
        return ExitCodes.OK;
    }
}
