package io.colimaservices.app;

import io.colimaservices.domain.SecretNames;
import io.colimaservices.domain.SecretStore;
import io.colimaservices.domain.UserError;
import io.colimaservices.domain.VaultOperations;
import io.colimaservices.domain.VaultState;
import io.colimaservices.vault.OriginalKeys;
import io.colimaservices.vault.VaultActions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Vault page's port over {@link VaultActions}, doing what the CLI's {@code vault} commands do. A fresh
 * {@code VaultActions} per call, so a service restarter wired in later is picked up.
 */
public final class AppVaultOperations implements VaultOperations {
    private final Supplier<VaultActions> actions;
    private final Path home;

    public AppVaultOperations(Supplier<VaultActions> actions, Path home) {
        this.actions = Objects.requireNonNull(actions);
        this.home = Objects.requireNonNull(home);
    }

    public static AppVaultOperations of(AppContext context) {
        return new AppVaultOperations(context::vaultActions, context.home());
    }

    @Override
    public VaultState status() {
        return actions.get().status();
    }

    @Override
    public UnsealOutcome unsealWithStoredShares(Consumer<VaultState> progress) {
        return outcome(actions.get().unsealWithStoredShares(progress));
    }

    @Override
    public UnsealOutcome submitShare(String share) {
        if (share == null || share.isBlank()) {
            throw new UserError(UserError.Kind.CONFIGURATION, "no unseal key share given", "type or paste one share");
        }
        return outcome(actions.get().unsealWith(share.strip()));
    }

    private static UnsealOutcome outcome(VaultActions.UnsealOutcome o) {
        return new UnsealOutcome(o.state(), o.sharesSubmitted(), o.alreadyUnsealed());
    }

    @Override
    public InitOutcome init(int shares, int threshold) {
        VaultActions.InitOutcome o = actions.get().init(shares, threshold);
        return new InitOutcome(o.shares(), o.threshold(), o.storedIn(), o.weakerStore());
    }

    @Override
    public Path defaultImportDirectory() {
        return OriginalKeys.defaultDirectory(home);
    }

    @Override
    public ImportOutcome importFrom(Path directory) {
        OriginalKeys keys = OriginalKeys.read(directory).orElseThrow(() -> new UserError(UserError.Kind.CONFIGURATION,
                "nothing to import: no " + OriginalKeys.KEYS_FILE + " or " + OriginalKeys.TOKEN_FILE + " in "
                        + directory, "choose the directory that holds them (the original project used "
                        + defaultImportDirectory() + ")"));
        VaultActions.ImportOutcome o = actions.get().importOriginal(keys);
        return new ImportOutcome(o.shares(), o.rootToken(), o.files(), o.storedIn(), o.weakerStore());
    }

    @Override
    public List<Path> deleteOriginalFiles(List<Path> files) {
        List<Path> deleted = new ArrayList<>();
        for (Path file : files) {
            try {
                if (Files.deleteIfExists(file)) {
                    deleted.add(file);
                }
            } catch (IOException e) {
                throw new UserError(UserError.Kind.OTHER, "cannot delete " + file + ": " + e.getClass().getSimpleName()
                        + (deleted.isEmpty() ? "" : " (deleted " + deleted + ")"), "delete it yourself");
            }
        }
        return deleted;
    }

    @Override
    public BootstrapOutcome bootstrap(Consumer<String> progress) {
        VaultActions.BootstrapOutcome o = actions.get().bootstrap(progress);
        return new BootstrapOutcome(o.secretVersions().size(), o.appTokenCreated(), o.caChain(), o.armed().size());
    }

    @Override
    public int exportShares(Path file) {
        return actions.get().exportShares(file);
    }

    @Override
    public StoredKeys storedKeys() {
        SecretStore store = actions.get().store();
        int shares = 0;
        while (shares < SecretNames.MAX_SHARES && store.read(SecretNames.share(shares + 1)).isPresent()) {
            shares++;
        }
        return new StoredKeys(shares, store.read(SecretNames.ROOT_TOKEN).isPresent(),
                store.read(SecretNames.APP_TOKEN).isPresent());
    }

    @Override
    public String storeDescription() {
        return actions.get().store().description();
    }

    @Override
    public boolean weakerStore() {
        return actions.get().store().weaker();
    }
}
