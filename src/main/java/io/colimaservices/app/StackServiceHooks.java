package io.colimaservices.app;

import io.colimaservices.domain.RunKind;
import io.colimaservices.domain.ServiceHooks;
import io.colimaservices.domain.StackProgress;
import io.colimaservices.domain.UserError;
import io.colimaservices.domain.VaultOperations;
import io.colimaservices.domain.VaultPhase;
import io.colimaservices.domain.VaultServices;
import io.colimaservices.domain.VaultState;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The stack's own steps around a start (docs/vault-contract.md): {@code vault-agent} gets fresh one-use credentials
 * before it starts, and Vault is unsealed with the stored shares as soon as it answers, since a sealed Vault reads
 * unhealthy and every data service waits for it.
 */
public final class StackServiceHooks implements ServiceHooks {
    private static final Duration VAULT_ANSWER_DEADLINE = Duration.ofSeconds(30);

    private final Supplier<VaultOperations> vault;
    private final BooleanSupplier unsealAutomatically;

    public StackServiceHooks(Supplier<VaultOperations> vault) {
        this(vault, () -> true);
    }

    /** @param unsealAutomatically asked when a recovery finds Vault sealed */
    public StackServiceHooks(Supplier<VaultOperations> vault, BooleanSupplier unsealAutomatically) {
        this.vault = vault;
        this.unsealAutomatically = unsealAutomatically;
    }

    @Override
    public void beforeStart(String service, Consumer<StackProgress> progress) {
        if (VaultServices.AGENT.equals(service)) {
            VaultOperations.ArmOutcome armed = vault.get().arm();
            progress.accept(new StackProgress.Note(service, "armed for " + armed.services().size() + " services"));
        }
    }

    @Override
    public boolean afterStart(String service, RunKind kind, Consumer<StackProgress> progress) {
        if (!VaultServices.VAULT.equals(service)) {
            return false;
        }
        VaultOperations actions = vault.get();
        VaultState state = awaitAnswer(actions);
        return switch (state.phase()) {
            case UNSEALED, DOWN, UNKNOWN -> false;
            case UNINITIALIZED -> throw new UserError(UserError.Kind.VAULT, "Vault is not initialized",
                    "run 'colima-services vault init', then 'colima-services vault bootstrap'");
            case SEALED -> {
                if (kind == RunKind.RECOVERY && !unsealAutomatically.getAsBoolean()) {
                    throw new UserError(UserError.Kind.VAULT, "Vault is sealed and unsealing automatically is off",
                            "unseal it (menu: Unseal Vault, or 'colima-services vault unseal'), or turn on "
                                    + "\"Unseal Vault automatically\" in Preferences");
                }
                if (actions.storedKeys().shares() == 0) {
                    throw new UserError(UserError.Kind.VAULT, "Vault is sealed and no unseal shares are stored",
                            "unseal it: 'colima-services vault unseal --key-stdin', or import the old keys");
                }
                actions.unsealWithStoredShares(s -> { });
                progress.accept(new StackProgress.Note(service, "unsealed with the stored shares"));
                yield true;
            }
        };
    }

    /** Vault's API comes up a moment after its container: ask until it answers, within a deadline. */
    private static VaultState awaitAnswer(VaultOperations actions) {
        long deadline = System.nanoTime() + VAULT_ANSWER_DEADLINE.toNanos();
        VaultState state = actions.status();
        while (state.phase() == VaultPhase.DOWN && System.nanoTime() < deadline) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return state;
            }
            state = actions.status();
        }
        return state;
    }
}
