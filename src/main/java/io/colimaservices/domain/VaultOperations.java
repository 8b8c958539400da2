package io.colimaservices.domain;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What the Vault page does with Vault and the secret store: read the state, unseal, initialize, import the original
 * project's keys, bootstrap, export the shares. Every method blocks (network, keychain, files): callers run them off
 * the UI thread. Failures the user can act on are {@link UserError}s whose messages never carry a key or token.
 * Results name what happened and where things went, never a value.
 */
public interface VaultOperations {

    /** Where Vault is, for messages ("Vault at http://127.0.0.1:8200 is sealed"). */
    String address();

    /** Vault's state now; never throws (an unreachable Vault is {@link VaultPhase#DOWN}). */
    VaultState status();

    /** Submits the stored shares until Vault is unsealed; {@code progress} hears the state after each share. */
    UnsealOutcome unsealWithStoredShares(Consumer<VaultState> progress);

    /**
     * Submits one share the user typed. A share Vault refuses is a UserError carrying Vault's message and the
     * progress it was reset to; the share itself is neither kept nor echoed.
     */
    UnsealOutcome submitShare(String share);

    /** First run: initializes Vault and puts the shares and the root token in the secret store. */
    InitOutcome init(int shares, int threshold);

    /** Where the original project kept its keys ({@code ~/.config/vault}). */
    Path defaultImportDirectory();

    /** Moves the original project's {@code keys.json} and {@code root-token} from {@code directory} into the store. */
    ImportOutcome importFrom(Path directory);

    /** Deletes the original files once imported; returns the ones that were deleted. */
    List<Path> deleteOriginalFiles(List<Path> files);

    /** Bootstrap with the root token (idempotent); {@code progress} hears one line per step. */
    BootstrapOutcome bootstrap(Consumer<String> progress);

    /** Writes the stored shares to a new file (0600) the user chose; returns how many. */
    default int exportShares(Path file) {
        return exportShares(file, java.util.Optional.empty());
    }

    /**
     * Writes a set of shares (the current one, or a kept one by its fingerprint: {@link #shareSets()}) to a new file
     * (0600) the user chose, leaving the folder's permissions as they are; returns how many.
     */
    int exportShares(Path file, java.util.Optional<String> setFingerprint);

    /** Every unseal-share set this machine has held, newest first (a re-init keeps the old set); never a share. */
    List<UnsealShareSets.ShareSet> shareSets();

    /** Fresh one-use credentials for the agent that renders secrets into the services (before it starts). */
    ArmOutcome arm();

    /** A stored token, for an explicit copy; never shown, never logged. */
    String token(CredentialService.VaultToken token);

    /** Which of the shares, the root token and the app token the secret store holds. */
    StoredKeys storedKeys();

    /** Where keys and tokens go, for messages ("the macOS login Keychain", "the file ... (readable by you only)"). */
    String storeDescription();

    /** True for the 0600 file fallback, weaker than a keychain. */
    boolean weakerStore();

    /** @param alreadyUnsealed nothing had to be done */
    record UnsealOutcome(VaultState state, int sharesSubmitted, boolean alreadyUnsealed) {
        public UnsealOutcome {
            Objects.requireNonNull(state, "state");
        }
    }

    record InitOutcome(int shares, int threshold, String storedIn, boolean weakerStore) {
    }

    record ImportOutcome(int shares, boolean rootToken, List<Path> files, String storedIn, boolean weakerStore) {
        public ImportOutcome {
            files = List.copyOf(files);
        }
    }

    /**
     * @param secrets         how many service secrets Vault holds after it
     * @param appTokenCreated a new app token went to the store
     * @param armedServices   how many services the vault-agent was armed for
     */
    record BootstrapOutcome(int secrets, boolean appTokenCreated, Path caChain, int armedServices) {
    }

    /**
     * @param services  the services armed (those that read secrets)
     * @param directory where the credentials went (bind-mounted into the agent's container)
     * @param validity  how long an unread secret ID stays usable, e.g. "5m"
     */
    record ArmOutcome(List<String> services, Path directory, String validity) {
        public ArmOutcome {
            services = List.copyOf(services);
        }
    }

    /** @param shares how many unseal key shares are stored (0 when none) */
    record StoredKeys(int shares, boolean rootToken, boolean appToken) {
        public static final StoredKeys NONE = new StoredKeys(0, false, false);
    }
}
