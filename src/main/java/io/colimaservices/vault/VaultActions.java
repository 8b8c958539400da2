package io.colimaservices.vault;

import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.InitResult;
import io.colimaservices.domain.PrivateFiles;
import io.colimaservices.domain.SecretNames;
import io.colimaservices.domain.SecretStore;
import io.colimaservices.domain.ServiceRestarter;
import io.colimaservices.domain.UnsealShareSets;
import io.colimaservices.domain.UserError;
import io.colimaservices.domain.VaultGateway;
import io.colimaservices.domain.VaultPhase;
import io.colimaservices.domain.VaultState;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Everything the faces do with Vault, in one place: init, import, unseal, bootstrap, arm, read a secret, switch
 * TLS. Keys and tokens go between Vault and the {@link SecretStore} only; results and progress lines name what
 * happened and where things went, never a value.
 */
public final class VaultActions {
    private final VaultHttp http;
    private final VaultGateway gateway;
    private final SecretStore store;
    private final Path runtime;
    private final Optional<ServiceRestarter> restarter;
    private final Clock clock;
    private final Supplier<Catalog> catalog;

    public record InitOutcome(int shares, int threshold, String storedIn, boolean weakerStore) {
    }

    public record ImportOutcome(int shares, boolean rootToken, List<Path> files, String storedIn,
                                boolean weakerStore) {
    }

    /** @param alreadyUnsealed true when nothing had to be done */
    public record UnsealOutcome(VaultState state, int sharesSubmitted, boolean alreadyUnsealed) {
    }

    public record BootstrapOutcome(Map<String, Long> secretVersions, boolean appTokenCreated, Path caChain,
                                   List<String> armed) {
    }

    /**
     * @param catalog the stack's compose file, read when a certificate is issued (its IP SANs are the services'
     *                static addresses there)
     */
    public VaultActions(VaultHttp http, VaultGateway gateway, SecretStore store, Path runtime,
                        Optional<ServiceRestarter> restarter, Clock clock, Supplier<Catalog> catalog) {
        this.http = http;
        this.gateway = gateway;
        this.store = store;
        this.runtime = runtime;
        this.restarter = restarter;
        this.clock = clock;
        this.catalog = catalog;
    }

    public VaultGateway gateway() {
        return gateway;
    }

    public SecretStore store() {
        return store;
    }

    public Path runtime() {
        return runtime;
    }

    public VaultState status() {
        return gateway.status();
    }

    /** First run: initializes Vault and puts the shares and root token in the secret store. */
    public InitOutcome init(int shares, int threshold) {
        VaultState state = requireReachable();
        if (state.phase() != VaultPhase.UNINITIALIZED) {
            throw new UserError(UserError.Kind.VAULT, "Vault at " + gateway.address() + " is already initialized",
                    storedShares().isEmpty()
                            ? "bring its keys over with 'colima-services vault import'"
                            : "its keys are in " + store.description() + "; run 'colima-services vault unseal'");
        }
        // The set stored until now may open a Vault volume in an older backup: it is kept before it is replaced.
        shareSets().currentFingerprint();
        InitResult result = gateway.initialize(shares, threshold);
        shareSets().keep(result.shares(), Optional.of(result.rootToken()));
        for (int i = 0; i < result.shares().size(); i++) {
            store.write(SecretNames.share(i + 1), result.shares().get(i));
        }
        store.write(SecretNames.ROOT_TOKEN, result.rootToken());
        // An app token of an earlier Vault would be useless now.
        store.delete(SecretNames.APP_TOKEN);
        return new InitOutcome(result.shares().size(), result.threshold(), store.description(), store.weaker());
    }

    /** Moves the original project's keys into the secret store. The caller decides about the files. */
    public ImportOutcome importOriginal(OriginalKeys keys) {
        if (keys.shares().isEmpty() && keys.rootToken().isEmpty()) {
            throw new UserError(UserError.Kind.CONFIGURATION, "no unseal keys and no root token in "
                    + keys.files(), "the files should hold Vault's sys/init response");
        }
        if (!keys.shares().isEmpty()) {
            shareSets().currentFingerprint();
            shareSets().keep(keys.shares(), keys.rootToken());
            for (int i = 0; i < keys.shares().size(); i++) {
                store.write(SecretNames.share(i + 1), keys.shares().get(i));
            }
            // Drop leftover shares of a larger earlier set, so the store never mixes two Vaults' keys.
            for (int i = keys.shares().size() + 1; i <= SecretNames.MAX_SHARES; i++) {
                if (!store.delete(SecretNames.share(i))) {
                    break;
                }
            }
        }
        keys.rootToken().ifPresent(t -> store.write(SecretNames.ROOT_TOKEN, t));
        return new ImportOutcome(keys.shares().size(), keys.rootToken().isPresent(), keys.files(),
                store.description(), store.weaker());
    }

    /** The stored shares, in order (share 1, 2, ... until the first gap). */
    public List<String> storedShares() {
        return shareSets().currentShares();
    }

    /** Every unseal-share set this machine has held (a re-init never loses one). */
    public UnsealShareSets shareSets() {
        return new UnsealShareSets(store, clock);
    }

    /** Submits stored shares until Vault is unsealed; {@code progress} hears the state after each. */
    public UnsealOutcome unsealWithStoredShares(Consumer<VaultState> progress) {
        VaultState state = requireReachable();
        if (state.phase() == VaultPhase.UNSEALED) {
            return new UnsealOutcome(state, 0, true);
        }
        requireInitialized(state);
        List<String> shares = storedShares();
        if (shares.isEmpty()) {
            throw new UserError(UserError.Kind.VAULT, "no unseal key shares in " + store.description(),
                    "run 'colima-services vault import', or type a share: 'colima-services vault unseal --key-stdin'");
        }
        if (state.progress() > 0 && shares.size() >= state.threshold()) {
            // Shares of an earlier, unfinished attempt: we cannot tell which, and we hold enough ourselves.
            state = gateway.resetUnseal();
        }
        int submitted = 0;
        for (String share : shares) {
            state = submit(share, shares);
            submitted++;
            progress.accept(state);
            if (state.phase() == VaultPhase.UNSEALED) {
                return new UnsealOutcome(state, submitted, false);
            }
        }
        throw new UserError(UserError.Kind.VAULT, "the " + shares.size() + " stored shares did not unseal Vault at "
                + gateway.address() + " (progress " + state.progress() + "/" + state.threshold() + ")",
                "type another share: 'colima-services vault unseal --key-stdin'");
    }

    /** Submits one share the user typed. */
    public UnsealOutcome unsealWith(String share) {
        VaultState state = requireReachable();
        if (state.phase() == VaultPhase.UNSEALED) {
            return new UnsealOutcome(state, 0, true);
        }
        requireInitialized(state);
        return new UnsealOutcome(submit(share, List.of(share)), 1, false);
    }

    /** One share; on refusal resets the progress (so the next attempt starts clean) and reports Vault's error. */
    private VaultState submit(String share, List<String> known) {
        try {
            return gateway.submitUnsealShare(share);
        } catch (VaultUnreachable e) {
            throw e;
        } catch (UserError e) {
            VaultState after;
            try {
                after = gateway.resetUnseal();
            } catch (UserError resetFailed) {
                after = null;
            }
            String progress = after == null ? "" : " (progress reset to " + after.progress() + "/" + after.threshold()
                    + ")";
            throw new UserError(UserError.Kind.VAULT, Redact.scrub(e.getMessage(), known) + progress,
                    "check the share; nothing was logged or kept of it");
        }
    }

    /** Bootstrap with the root token; then the app token, the CA chain and the agent's credentials. */
    public BootstrapOutcome bootstrap(Consumer<String> progress) {
        requireUnsealed();
        String rootToken = store.read(SecretNames.ROOT_TOKEN).orElseThrow(() -> new UserError(UserError.Kind.VAULT,
                "no root token in " + store.description(),
                "bootstrap needs it once: 'colima-services vault init' or 'colima-services vault import'"));
        VaultSession root = new VaultSession(http, rootToken);
        VaultBootstrap bootstrap = new VaultBootstrap(root, clock, catalog, progress);
        Map<String, Long> versions = bootstrap.run();
        boolean created = false;
        if (!appTokenWorks()) {
            store.write(SecretNames.APP_TOKEN, bootstrap.createAppToken());
            created = true;
        }
        Path chain = bootstrap.exportCaChain(runtime);
        List<String> armed = new AgentArming(appSession(), runtime).armAll();
        progress.accept("armed vault-agent for " + armed.size() + " services under " + runtime.resolve("vault-agent"));
        return new BootstrapOutcome(versions, created, chain, armed);
    }

    /** Writes fresh one-use credentials for the vault-agent (before it starts). */
    public List<String> arm() {
        requireUnsealed();
        return new AgentArming(daily(), runtime).armAll();
    }

    /** Reads {@code secret/<path>} with the daily token. */
    public KvSecret secret(String path) {
        requireUnsealed();
        KvSecret secret = daily().readSecret(path);
        if (!secret.exists()) {
            throw new UserError(UserError.Kind.VAULT, "secret/" + path + " does not exist in Vault at "
                    + gateway.address(), "run 'colima-services vault bootstrap'");
        }
        return secret;
    }

    public TlsToggle.Report tls(VaultLayout.ServiceSpec service, String credentialPath, boolean enabled,
                                Consumer<String> progress) {
        requireUnsealed();
        return toggle(progress).set(service, credentialPath, enabled);
    }

    public TlsToggle.Report tlsStatus(VaultLayout.ServiceSpec service, String credentialPath) {
        requireUnsealed();
        return toggle(line -> { }).status(service, credentialPath);
    }

    /** Writes the stored shares to a new 0600 file the user chose, for their own backup. */
    public int exportShares(Path file) {
        return exportShares(file, Optional.empty());
    }

    /**
     * Writes a set of shares (the current one, or a kept one by its fingerprint) to a new 0600 file the user chose;
     * the folder's permissions are left as they are.
     */
    public int exportShares(Path file, Optional<String> setFingerprint) {
        List<String> shares = setFingerprint.map(fp -> shareSets().shares(fp)).orElseGet(this::storedShares);
        if (shares.isEmpty()) {
            throw new UserError(UserError.Kind.VAULT, "no unseal key shares in " + store.description());
        }
        String set = setFingerprint.or(() -> Optional.of(UnsealShareSets.fingerprint(shares))).orElseThrow();
        StringBuilder text = new StringBuilder("# Vault unseal key shares (set ").append(set).append(") for ")
                .append(gateway.address()).append(". Keep them apart from each other and from this computer.\n");
        for (int i = 0; i < shares.size(); i++) {
            text.append("share ").append(i + 1).append(": ").append(shares.get(i)).append('\n');
        }
        try {
            PrivateFiles.createInPlace(file, text.toString());
        } catch (FileAlreadyExistsException e) {
            throw new UserError(UserError.Kind.CONFIGURATION, file + " already exists", "choose a new file");
        } catch (IOException e) {
            throw new UserError(UserError.Kind.OTHER, "cannot write " + file + ": " + e.getClass().getSimpleName());
        }
        return shares.size();
    }

    /** The token a given secret-store entry names, for an explicit copy; never printed. */
    public String token(String name) {
        return store.read(name).orElseThrow(() -> new UserError(UserError.Kind.VAULT, "no "
                + (SecretNames.ROOT_TOKEN.equals(name) ? "root" : "app") + " token in " + store.description(),
                SecretNames.ROOT_TOKEN.equals(name) ? "'colima-services vault init' or 'vault import'"
                        : "run 'colima-services vault bootstrap'"));
    }

    private TlsToggle toggle(Consumer<String> progress) {
        VaultSession session = daily();
        return new TlsToggle(session, new CertificateIssuer(session, clock, catalog), new AgentArming(session, runtime),
                restarter, progress);
    }

    /** The app token when there is one, else the root token (before the first bootstrap). */
    private VaultSession daily() {
        return new VaultSession(http, store.read(SecretNames.APP_TOKEN).or(() -> store.read(SecretNames.ROOT_TOKEN))
                .orElseThrow(() -> new UserError(UserError.Kind.VAULT, "no Vault token in " + store.description(),
                        "run 'colima-services vault init' (or 'vault import'), then 'vault bootstrap'")));
    }

    private VaultSession appSession() {
        return new VaultSession(http, token(SecretNames.APP_TOKEN));
    }

    /** Looks the stored app token up (auth/token/lookup-self): a token of an older Vault no longer works. */
    private boolean appTokenWorks() {
        Optional<String> token = store.read(SecretNames.APP_TOKEN);
        if (token.isEmpty()) {
            return false;
        }
        VaultHttp.Response response = http.get("auth/token/lookup-self", token);
        return response.status() == 200;
    }

    private VaultState requireReachable() {
        VaultState state = gateway.status();
        if (state.phase() == VaultPhase.DOWN) {
            throw new UserError(UserError.Kind.VAULT, state.error().orElse("Vault unreachable at "
                    + gateway.address()), "start the stack's vault service, or point --vault-addr at a running Vault");
        }
        return state;
    }

    private void requireInitialized(VaultState state) {
        if (state.phase() == VaultPhase.UNINITIALIZED) {
            throw new UserError(UserError.Kind.VAULT, "Vault at " + gateway.address() + " is not initialized",
                    "run 'colima-services vault init' (or 'vault import' the keys of an existing Vault)");
        }
    }

    private void requireUnsealed() {
        VaultState state = requireReachable();
        requireInitialized(state);
        if (state.phase() == VaultPhase.SEALED) {
            throw new UserError(UserError.Kind.VAULT, "Vault at " + gateway.address() + " is sealed (progress "
                    + state.progress() + "/" + state.threshold() + ")", "run 'colima-services vault unseal'");
        }
    }
}
