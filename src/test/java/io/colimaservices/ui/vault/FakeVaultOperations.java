package io.colimaservices.ui.vault;

import io.colimaservices.domain.UserError;
import io.colimaservices.domain.VaultOperations;
import io.colimaservices.domain.VaultPhase;
import io.colimaservices.domain.VaultState;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Vault and the secret store for page tests, keeping the port's rules: shares {@code share-1..n} unseal, a wrong
 * share is found once the threshold is reached and resets the progress (with Vault's message and the reset in the
 * error), bootstrap needs an unsealed Vault and the root token.
 */
public class FakeVaultOperations implements VaultOperations {
    public static final String ADDRESS = "http://127.0.0.1:8200";
    public static final String STORE = "the file /home/dev/.config/colima-services/secrets/secrets.json (readable by "
            + "you only)";

    public VaultPhase phase = VaultPhase.UNINITIALIZED;
    public int threshold;
    public int shares;
    public int progress;
    public boolean standby;
    public int storedShares;
    public boolean rootToken;
    public boolean appToken;
    public boolean weak = true;
    public final List<String> calls = new ArrayList<>();
    public final List<String> submittedValid = new ArrayList<>();
    /** Bootstrap fails after this many lines when set. */
    public Integer failBootstrapAfter;
    public RuntimeException failNext;
    public Path importable = Path.of("/home/dev/.config/vault");
    public final List<Path> deleted = new ArrayList<>();
    public final List<Path> exported = new ArrayList<>();
    private boolean bootstrapped;

    /** An initialized, sealed Vault with its shares and root token stored. */
    public static FakeVaultOperations sealedWithStoredShares() {
        FakeVaultOperations fake = new FakeVaultOperations();
        fake.phase = VaultPhase.SEALED;
        fake.shares = 5;
        fake.threshold = 3;
        fake.storedShares = 5;
        fake.rootToken = true;
        return fake;
    }

    @Override
    public synchronized VaultState status() {
        calls.add("status");
        return state();
    }

    public synchronized VaultState state() {
        if (phase == VaultPhase.DOWN) {
            return VaultState.down(ADDRESS, "Connection refused");
        }
        return new VaultState(ADDRESS, phase, phase == VaultPhase.SEALED ? progress : 0, threshold, shares,
                Optional.of("1.18.5"), standby, Optional.empty());
    }

    @Override
    public synchronized UnsealOutcome unsealWithStoredShares(Consumer<VaultState> listener) {
        calls.add("unseal-stored");
        failIfAsked();
        requireUp();
        if (phase == VaultPhase.UNSEALED) {
            return new UnsealOutcome(state(), 0, true);
        }
        if (storedShares == 0) {
            throw new UserError(UserError.Kind.VAULT, "no unseal key shares in " + STORE, "import them");
        }
        progress = 0;
        int submitted = 0;
        for (int i = 1; i <= storedShares; i++) {
            VaultState after = accept("share-" + i);
            submitted++;
            listener.accept(after);
            if (after.phase() == VaultPhase.UNSEALED) {
                return new UnsealOutcome(after, submitted, false);
            }
        }
        throw new UserError(UserError.Kind.VAULT, "the stored shares did not unseal Vault", "type another share");
    }

    @Override
    public synchronized UnsealOutcome submitShare(String share) {
        calls.add("submit-share");
        failIfAsked();
        requireUp();
        if (phase == VaultPhase.UNSEALED) {
            return new UnsealOutcome(state(), 0, true);
        }
        if (!share.startsWith("share-")) {
            if (progress + 1 >= threshold) {
                progress = 0;
                throw new UserError(UserError.Kind.VAULT, "Vault refused the share: cipher: message authentication "
                        + "failed (progress reset to 0/" + threshold + ")",
                        "check the share; nothing was logged or kept of it");
            }
            progress++;
            return new UnsealOutcome(state(), 1, false);
        }
        return new UnsealOutcome(accept(share), 1, false);
    }

    private VaultState accept(String share) {
        submittedValid.add(share);
        progress++;
        if (progress >= threshold) {
            phase = VaultPhase.UNSEALED;
            progress = 0;
        }
        return state();
    }

    @Override
    public synchronized InitOutcome init(int n, int t) {
        calls.add("init " + n + "/" + t);
        failIfAsked();
        requireUp();
        if (phase != VaultPhase.UNINITIALIZED) {
            throw new UserError(UserError.Kind.VAULT, "Vault at " + ADDRESS + " is already initialized", "");
        }
        phase = VaultPhase.SEALED;
        shares = n;
        threshold = t;
        storedShares = n;
        rootToken = true;
        return new InitOutcome(n, t, STORE, weak);
    }

    @Override
    public Path defaultImportDirectory() {
        return Path.of("/home/dev/.config/vault");
    }

    @Override
    public synchronized ImportOutcome importFrom(Path directory) {
        calls.add("import " + directory);
        failIfAsked();
        if (!directory.equals(importable)) {
            throw new UserError(UserError.Kind.CONFIGURATION, "nothing to import: no keys.json or root-token in "
                    + directory, "choose the directory that holds them");
        }
        storedShares = 5;
        rootToken = true;
        return new ImportOutcome(5, true, List.of(directory.resolve("keys.json"), directory.resolve("root-token")),
                STORE, weak);
    }

    @Override
    public synchronized List<Path> deleteOriginalFiles(List<Path> files) {
        calls.add("delete " + files.size());
        deleted.addAll(files);
        return files;
    }

    @Override
    public synchronized BootstrapOutcome bootstrap(Consumer<String> progressLine) {
        calls.add("bootstrap");
        failIfAsked();
        requireUp();
        if (phase != VaultPhase.UNSEALED) {
            throw new UserError(UserError.Kind.VAULT, "Vault at " + ADDRESS + " is sealed (progress " + progress + "/"
                    + threshold + ")", "unseal it first");
        }
        List<String> lines = bootstrapped
                ? List.of("armed vault-agent for 13 services under /runtime/vault-agent")
                : List.of("enabled KV v2 at secret/", "created PKI root CA at pki/", "wrote secret/postgresql",
                "created the app token", "armed vault-agent for 13 services under /runtime/vault-agent");
        for (int i = 0; i < lines.size(); i++) {
            if (failBootstrapAfter != null && i == failBootstrapAfter) {
                throw new UserError(UserError.Kind.VAULT, "Vault answered 500 on pki_int/intermediate/set-signed",
                        "look at Vault's log: docker compose logs vault");
            }
            progressLine.accept(lines.get(i));
        }
        boolean created = !appToken;
        appToken = true;
        bootstrapped = true;
        return new BootstrapOutcome(9, created, Path.of("/runtime/ca/ca-chain.pem"), 13);
    }

    @Override
    public synchronized int exportShares(Path file, java.util.Optional<String> setFingerprint) {
        calls.add("export " + file + setFingerprint.map(set -> " set " + set).orElse(""));
        failIfAsked();
        if (exported.contains(file)) {
            throw new UserError(UserError.Kind.CONFIGURATION, file + " already exists", "choose a new file");
        }
        exported.add(file);
        return storedShares;
    }

    @Override
    public synchronized StoredKeys storedKeys() {
        return new StoredKeys(storedShares, rootToken, appToken);
    }

    @Override
    public String storeDescription() {
        return STORE;
    }

    @Override
    public String address() {
        return ADDRESS;
    }

    @Override
    public synchronized ArmOutcome arm() {
        calls.add("arm");
        return new ArmOutcome(List.of("postgres"), Path.of("/home/dev/runtime/vault-agent"), "5m");
    }

    @Override
    public String token(io.colimaservices.domain.CredentialService.VaultToken token) {
        throw new UnsupportedOperationException("the Vault page copies no token");
    }

    @Override
    public boolean weakerStore() {
        return weak;
    }

    private void requireUp() {
        if (phase == VaultPhase.DOWN) {
            throw new UserError(UserError.Kind.VAULT, "Vault unreachable at " + ADDRESS, "start the vault service");
        }
    }

    private void failIfAsked() {
        if (failNext != null) {
            RuntimeException e = failNext;
            failNext = null;
            throw e;
        }
    }

    /** The use case the Vault page calls, over this fake. */
    public io.colimaservices.usecase.VaultUseCase useCase() {
        return new io.colimaservices.usecase.VaultUseCase(() -> this, io.colimaservices.usecase.ActionTrace.NONE);
    }

    @Override
    public List<io.colimaservices.domain.UnsealShareSets.ShareSet> shareSets() {
        return List.of();
    }
}
