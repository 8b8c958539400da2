package io.colimaservices.usecase;

import io.colimaservices.domain.CredentialService;
import io.colimaservices.domain.VaultOperations;
import io.colimaservices.domain.VaultState;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Vault's lifecycle for both faces ({@code vault status|init|import|unseal|bootstrap|arm|token|export-shares}, the
 * Vault page, the menu's "Unseal Vault", the stack's own unseal before a start): the adapter's work, with the trace
 * line every change leaves. Keys and tokens pass between Vault and the secret store only; nothing here holds one.
 */
public final class VaultUseCase implements VaultOperations {
    private final Supplier<VaultOperations> adapter;
    private final ActionTrace trace;

    /** @param vault the adapter, asked on each call (its HTTP client and the secret store are made on first use) */
    public VaultUseCase(Supplier<VaultOperations> vault, ActionTrace trace) {
        this.adapter = vault;
        this.trace = trace;
    }

    private VaultOperations vault() {
        return adapter.get();
    }

    @Override
    public String address() {
        return vault().address();
    }

    @Override
    public VaultState status() {
        return vault().status();
    }

    @Override
    public UnsealOutcome unsealWithStoredShares(Consumer<VaultState> progress) {
        return trace.run("vault unseal", () -> vault().unsealWithStoredShares(progress), VaultUseCase::unsealed);
    }

    @Override
    public UnsealOutcome submitShare(String share) {
        return trace.run("vault unseal (a typed share)", () -> vault().submitShare(share), VaultUseCase::unsealed);
    }

    private static String unsealed(UnsealOutcome o) {
        if (o.alreadyUnsealed()) {
            return "already unsealed";
        }
        VaultState state = o.state();
        return state.phase() == io.colimaservices.domain.VaultPhase.UNSEALED
                ? "unsealed (" + o.sharesSubmitted() + " share" + (o.sharesSubmitted() == 1 ? "" : "s") + ")"
                : "share accepted, progress " + state.progress() + "/" + state.threshold();
    }

    @Override
    public InitOutcome init(int shares, int threshold) {
        return trace.run("vault init", () -> vault().init(shares, threshold),
                o -> "initialized: " + o.shares() + " shares (" + o.threshold() + " to unseal) and the root token in "
                        + o.storedIn());
    }

    @Override
    public Path defaultImportDirectory() {
        return vault().defaultImportDirectory();
    }

    @Override
    public ImportOutcome importFrom(Path directory) {
        return trace.run("vault import " + directory, () -> vault().importFrom(directory),
                o -> o.shares() + " shares" + (o.rootToken() ? " and the root token" : "") + " into " + o.storedIn());
    }

    @Override
    public List<Path> deleteOriginalFiles(List<Path> files) {
        return trace.run("vault import: delete the original files", () -> vault().deleteOriginalFiles(files),
                deleted -> "deleted " + deleted);
    }

    @Override
    public BootstrapOutcome bootstrap(Consumer<String> progress) {
        return trace.run("vault bootstrap", () -> vault().bootstrap(progress),
                o -> o.secrets() + " secrets, CA chain at " + o.caChain() + (o.appTokenCreated()
                        ? ", a new app token" : "") + ", " + AGENT + " armed for " + o.armedServices() + " services");
    }

    /**
     * The first run's last step (the Vault page's wizard): unseal with the stored shares when Vault is sealed, then
     * bootstrap; every step is a line on {@code progress}.
     */
    public BootstrapOutcome unsealAndBootstrap(Consumer<String> progress) {
        if (status().phase() == io.colimaservices.domain.VaultPhase.SEALED) {
            progress.accept("unsealing with the stored shares");
            unsealWithStoredShares(s -> progress.accept(s.phase() == io.colimaservices.domain.VaultPhase.UNSEALED
                    ? "unsealed" : "share accepted: " + s.progress() + "/" + s.threshold()));
        }
        return bootstrap(progress);
    }

    private static final String AGENT = io.colimaservices.domain.VaultServices.AGENT;

    @Override
    public ArmOutcome arm() {
        return trace.run("vault arm", () -> vault().arm(), o -> AGENT + " armed for " + o.services().size() + " services");
    }

    @Override
    public int exportShares(Path file, java.util.Optional<String> setFingerprint) {
        return trace.run("vault export-shares " + file + setFingerprint.map(set -> " (set " + set + ")").orElse(""),
                () -> vault().exportShares(file, setFingerprint), n -> n + " shares written");
    }

    @Override
    public List<io.colimaservices.domain.UnsealShareSets.ShareSet> shareSets() {
        return vault().shareSets();
    }

    @Override
    public StoredKeys storedKeys() {
        return vault().storedKeys();
    }

    @Override
    public String storeDescription() {
        return vault().storeDescription();
    }

    @Override
    public boolean weakerStore() {
        return vault().weakerStore();
    }

    /** A stored token for an explicit copy: not traced (nothing changes), never logged. */
    @Override
    public String token(CredentialService.VaultToken token) {
        return vault().token(token);
    }
}
