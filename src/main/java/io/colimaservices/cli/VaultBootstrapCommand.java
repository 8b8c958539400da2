package io.colimaservices.cli;

import io.colimaservices.domain.VaultOperations;
import io.colimaservices.usecase.VaultUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

@Command(name = "bootstrap", description = "Creates what the stack needs in Vault (secrets, PKI, policies, AppRoles, "
        + "the app's scoped token) and exports the CA chain. Safe to run again: never replaces a password.")
final class VaultBootstrapCommand implements Callable<Integer> {

    @ParentCommand
    VaultCommand vault;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        AtomicInteger changes = new AtomicInteger();
        VaultUseCase actions = vault.useCase();
        VaultOperations.BootstrapOutcome outcome = actions.bootstrap(line -> {
            if (!line.startsWith("armed ")) {
                changes.incrementAndGet();
            }
            out.println("  " + line);
            out.flush();
        });
        if (changes.get() == 0) {
            out.println("Vault already had everything; nothing was changed.");
        }
        out.printf("Bootstrap done: %d secrets, CA chain at %s, app token in %s.%n",
                outcome.secrets(), outcome.caChain(), actions.storeDescription());
        if (outcome.appTokenCreated() && actions.weakerStore()) {
            StoreWarning.print(spec.commandLine().getErr());
        }
        return ExitCodes.OK;
    }
}
