package io.colimaservices.vault;

import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.ConnectionFormat;
import io.colimaservices.domain.CredentialService;
import io.colimaservices.domain.InitResult;
import io.colimaservices.domain.IssuedCertificate;
import io.colimaservices.domain.KvSecret;
import io.colimaservices.domain.PrivateFiles;
import io.colimaservices.domain.SecretNames;
import io.colimaservices.domain.SecretStore;
import io.colimaservices.domain.ServiceCertificates;
import io.colimaservices.domain.ServiceDefinition;
import io.colimaservices.domain.ServiceRestarter;
import io.colimaservices.domain.ServiceSecrets;
import io.colimaservices.domain.TlsReport;
import io.colimaservices.domain.TlsSwitch;
import io.colimaservices.domain.UnsealShareSets;
import io.colimaservices.domain.UserError;
import io.colimaservices.domain.VaultGateway;
import io.colimaservices.domain.VaultOperations;
import io.colimaservices.domain.VaultPhase;
import io.colimaservices.domain.VaultState;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Vault adapter behind the use cases: init, import, unseal, bootstrap, arm, read a secret, switch TLS, the
 * services' certificates. Keys and tokens go between Vault and the {@link SecretStore} only; results and progress
 * lines name what happened and where things went, never a value.
 */
public final class VaultActions implements VaultOperations, ServiceSecrets, TlsSwitch {
    private final VaultHttp http;
    private final VaultGateway gateway;
    private final SecretStore store;
    private final Path runtime;
    private final Supplier<Optional<ServiceRestarter>> restarter;
    private final Clock clock;
    private final Supplier<Catalog> catalog;
    private final Path home;

    /** What bootstrap did, with the version of each secret it left (tests look at them). */
    public record BootstrapRun(Map<String, Long> secretVersions, BootstrapOutcome outcome) {
    }

    /**
     * @param restarter asked when a TLS switch restarts services (the faces wire one in after start)
     * @param catalog   the stack's compose file: which services read which secrets and get certificates, and their
     *                  static addresses (certificate IP SANs)
     * @param home      the user's home: where the original project kept its keys
     */
    public VaultActions(VaultHttp http, VaultGateway gateway, SecretStore store, Path runtime,
                        Supplier<Optional<ServiceRestarter>> restarter, Clock clock, Supplier<Catalog> catalog,
                        Path home) {
        this.http = http;
        this.gateway = gateway;
        this.store = store;
        this.runtime = runtime;
        this.restarter = restarter;
        this.clock = clock;
        this.catalog = catalog;
        this.home = home;
    }

    @Override
    public String address() {
        return gateway.address();
    }

    @Override
    public VaultState status() {
        return gateway.status();
    }

    /** First run: initializes Vault and puts the shares and root token in the secret store. */
    @Override
    public InitOutcome init(int shares, int threshold) {
        VaultState state = requireReachable();
        if (state.phase() != VaultPhase.UNINITIALIZED) {
            throw new UserError(UserError.Kind.VAULT, "Vault at " + gateway.address() + " is already initialized",
                    storedShares().isEmpty()
                            ? "bring its keys over with 'colima-services vault import'"
                            : "its keys are in " + store.description() + "; run 'colima-services vault unseal'");
        }
        // The set stored until now may open a Vault volume in an older backup: it is kept before it is replaced.
        shareSetStore().currentFingerprint();
        InitResult result = gateway.initialize(shares, threshold);
        shareSetStore().keep(result.shares(), Optional.of(result.rootToken()));
        for (int i = 0; i < result.shares().size(); i++) {
            store.write(SecretNames.share(i + 1), result.shares().get(i));
        }
        store.write(SecretNames.ROOT_TOKEN, result.rootToken());
        // An app token of an earlier Vault would be useless now.
        store.delete(SecretNames.APP_TOKEN);
        return new InitOutcome(result.shares().size(), result.threshold(), store.description(), store.weaker());
    }

    @Override
    public Path defaultImportDirectory() {
        return OriginalKeys.defaultDirectory(home);
    }

    /** Moves the original project's keys into the secret store. The caller decides about the files. */
    @Override
    public ImportOutcome importFrom(Path directory) {
        OriginalKeys keys = OriginalKeys.read(directory).orElseThrow(() -> new UserError(UserError.Kind.CONFIGURATION,
                "nothing to import: no " + OriginalKeys.KEYS_FILE + " or " + OriginalKeys.TOKEN_FILE + " in "
                        + directory, "give the directory that holds them (the original project used "
                        + defaultImportDirectory() + ")"));
        return importOriginal(keys);
    }

    ImportOutcome importOriginal(OriginalKeys keys) {
        if (keys.shares().isEmpty() && keys.rootToken().isEmpty()) {
            throw new UserError(UserError.Kind.CONFIGURATION, "no unseal keys and no root token in "
                    + keys.files(), "the files should hold Vault's sys/init response");
        }
        if (!keys.shares().isEmpty()) {
            shareSetStore().currentFingerprint();
            shareSetStore().keep(keys.shares(), keys.rootToken());
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

    /** The stored shares, in order (share 1, 2, ... until the first gap). */
    public List<String> storedShares() {
        return shareSetStore().currentShares();
    }

    /** Every unseal-share set this machine has held (a re-init never loses one). */
    public UnsealShareSets shareSetStore() {
        return new UnsealShareSets(store, clock);
    }

    @Override
    public List<UnsealShareSets.ShareSet> shareSets() {
        return shareSetStore().list();
    }

    @Override
    public StoredKeys storedKeys() {
        return new StoredKeys(storedShares().size(), store.read(SecretNames.ROOT_TOKEN).isPresent(),
                store.read(SecretNames.APP_TOKEN).isPresent());
    }

    @Override
    public String storeDescription() {
        return store.description();
    }

    @Override
    public boolean weakerStore() {
        return store.weaker();
    }

    /** Submits stored shares until Vault is unsealed; {@code progress} hears the state after each. */
    @Override
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
    @Override
    public UnsealOutcome submitShare(String share) {
        if (share == null || share.isBlank()) {
            throw new UserError(UserError.Kind.CONFIGURATION, "no unseal key share given", "type or paste one share");
        }
        VaultState state = requireReachable();
        if (state.phase() == VaultPhase.UNSEALED) {
            return new UnsealOutcome(state, 0, true);
        }
        requireInitialized(state);
        String stripped = share.strip();
        return new UnsealOutcome(submit(stripped, List.of(stripped)), 1, false);
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
    @Override
    public BootstrapOutcome bootstrap(Consumer<String> progress) {
        return bootstrapRun(progress).outcome();
    }

    /** Bootstrap, keeping the version of each secret it left (tests look at them). */
    public BootstrapRun bootstrapRun(Consumer<String> progress) {
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
        List<String> armed = new AgentArming(appSession(), runtime, catalog).armAll();
        progress.accept("armed " + io.colimaservices.domain.VaultServices.AGENT + " for " + armed.size()
                + " services under " + AgentArming.agentRoot(runtime));
        return new BootstrapRun(versions, new BootstrapOutcome(versions.size(), created, chain, armed.size()));
    }

    /**
     * What bootstrap has not made yet, asked of Vault with the app token (the setup checklist): the token works,
     * every secret of the layout exists (its metadata: no value is read), every service has its AppRole.
     */
    public Optional<String> bootstrapMissing() {
        requireUnsealed();
        if (!appTokenWorks()) {
            return Optional.of("no working app token in " + store.description());
        }
        VaultSession app = appSession();
        Catalog stack = catalog.get();
        for (VaultLayout.SecretSpec spec : VaultLayout.secrets(stack)) {
            if (app.read(VaultSession.KV_MOUNT + "/metadata/" + spec.path(), "reading secret/" + spec.path())
                    .isEmpty()) {
                return Optional.of("secret/" + spec.path() + " does not exist");
            }
        }
        for (VaultLayout.ServiceSpec service : VaultLayout.services(stack)) {
            if (app.read("auth/approle/role/" + service.name() + "/role-id", "reading the role ID of "
                    + service.name()).isEmpty()) {
                return Optional.of("no AppRole '" + service.name() + "'");
            }
        }
        return Optional.empty();
    }

    /** Writes fresh one-use credentials for the vault-agent (before it starts). */
    @Override
    public ArmOutcome arm() {
        requireUnsealed();
        List<String> armed = new AgentArming(daily(), runtime, catalog).armAll();
        return new ArmOutcome(armed, AgentArming.agentRoot(runtime), AgentArming.WRAP_TTL);
    }

    /** Reads {@code secret/<path>} with the daily token. */
    @Override
    public KvSecret read(String path) {
        requireUnsealed();
        KvSecret secret = daily().readSecret(path);
        if (!secret.exists()) {
            throw new UserError(UserError.Kind.VAULT, "secret/" + path + " does not exist in Vault at "
                    + gateway.address(), "run 'colima-services vault bootstrap'");
        }
        return secret;
    }

    @Override
    public String connectionString(ServiceDefinition service, KvSecret secret, ConnectionFormat format) {
        return ConnectionStrings.render(ConnectionStrings.target(service, secret), format);
    }

    @Override
    public TlsReport set(String service, String credentialPath, boolean enabled, Consumer<String> progress) {
        requireUnsealed();
        return report(toggle(progress).set(spec(service), credentialPath, enabled), credentialPath);
    }

    /** Restarts vault-agent and the service so that it runs with the flag Vault has (a switch's restart again). */
    @Override
    public TlsReport reapply(String service, String credentialPath, Consumer<String> progress) {
        requireUnsealed();
        return report(toggle(progress).reapply(spec(service), credentialPath), credentialPath);
    }

    @Override
    public TlsReport status(String service, String credentialPath) {
        requireUnsealed();
        return report(toggle(line -> { }).status(spec(service), credentialPath), credentialPath);
    }

    private VaultLayout.ServiceSpec spec(String service) {
        return VaultLayout.requireTls(catalog.get(), service, "has no TLS to switch");
    }

    private static TlsReport report(TlsToggle.Report r, String path) {
        Optional<IssuedCertificate> cert = Optional.ofNullable(r.certificate())
                .map(c -> new IssuedCertificate(r.service(), c.serial(), c.notAfter()));
        return new TlsReport(r.service(), path, r.enabled(), r.changed(), r.version(), cert, r.certificateIssued(),
                r.restarted(), r.manualStep(), r.restartProblem());
    }

    /** The services' certificates with the daily token, for renewing one ({@code CertificateRenewal}). */
    public ServiceCertificates serviceCertificates() {
        requireUnsealed();
        return new VaultServiceCertificates(daily(), clock, catalog, runtime);
    }

    /**
     * Writes a set of shares (the current one, or a kept one by its fingerprint) to a new 0600 file the user chose;
     * the folder's permissions are left as they are.
     */
    @Override
    public int exportShares(Path file, Optional<String> setFingerprint) {
        List<String> shares = setFingerprint.map(fp -> shareSetStore().shares(fp)).orElseGet(this::storedShares);
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
    @Override
    public String token(CredentialService.VaultToken token) {
        boolean root = token == CredentialService.VaultToken.ROOT;
        String name = root ? SecretNames.ROOT_TOKEN : SecretNames.APP_TOKEN;
        return store.read(name).orElseThrow(() -> new UserError(UserError.Kind.VAULT, "no "
                + (root ? "root" : "app") + " token in " + store.description(),
                root ? "'colima-services vault init' or 'vault import'" : "run 'colima-services vault bootstrap'"));
    }

    private TlsToggle toggle(Consumer<String> progress) {
        VaultSession session = daily();
        return new TlsToggle(session, new CertificateIssuer(session, clock, catalog),
                new AgentArming(session, runtime, catalog), restarter.get(), progress);
    }

    /** The app token when there is one, else the root token (before the first bootstrap). */
    private VaultSession daily() {
        return new VaultSession(http, store.read(SecretNames.APP_TOKEN).or(() -> store.read(SecretNames.ROOT_TOKEN))
                .orElseThrow(() -> new UserError(UserError.Kind.VAULT, "no Vault token in " + store.description(),
                        "run 'colima-services vault init' (or 'vault import'), then 'vault bootstrap'")));
    }

    private VaultSession appSession() {
        return new VaultSession(http, token(CredentialService.VaultToken.APP));
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
