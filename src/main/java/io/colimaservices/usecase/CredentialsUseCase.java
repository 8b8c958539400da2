package io.colimaservices.usecase;

import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.ConnectionFormat;
import io.colimaservices.domain.CredentialService;
import io.colimaservices.domain.KvSecret;
import io.colimaservices.domain.SecretFields;
import io.colimaservices.domain.ServiceDefinition;
import io.colimaservices.domain.ServiceSecrets;
import io.colimaservices.domain.TlsReport;
import io.colimaservices.domain.UserError;
import io.colimaservices.domain.VaultOperations;
import io.colimaservices.domain.VaultServices;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Credentials and connection strings for both faces ({@code creds SERVICE}, the Credentials page, the menu's copy
 * actions). The rule, settled here once: a service has credentials when the compose file gives it an
 * {@code io.colima-services.vault-path} label, and only then; its secret is the one that label names. Values leave
 * only through the methods meant for an explicit copy (or the CLI's explicit print); everything else names fields
 * or masks passwords.
 */
public final class CredentialsUseCase implements CredentialService {
    /** Stands in for a password while a string is rendered for display: survives URL encoding unchanged. */
    private static final String PLACEHOLDER = "COLIMASERVICESMASKEDPASSWORD";

    private final Supplier<Catalog> catalog;
    private final Supplier<ServiceSecrets> store;
    private final TlsUseCase tls;
    private final VaultOperations vault;
    private final Clock clock;

    /** @param secrets where the secrets are, asked on each call (Vault's client is made on first use) */
    public CredentialsUseCase(Supplier<Catalog> catalog, Supplier<ServiceSecrets> secrets, TlsUseCase tls,
                              VaultOperations vault, Clock clock) {
        this.catalog = catalog;
        this.store = secrets;
        this.tls = tls;
        this.vault = vault;
        this.clock = clock;
    }

    @Override
    public List<CredentialEntry> services() {
        return catalog.get().services().stream()
                .filter(d -> VaultServices.credentialPath(d).isPresent())
                .map(this::entry)
                .toList();
    }

    private CredentialEntry entry(ServiceDefinition d) {
        List<ConnectionFormat> formats = d.connection().map(ConnectionFormat::of).orElse(List.of());
        return new CredentialEntry(d.name(), path(d), d.connection(), tls.switchable(d), formats);
    }

    /**
     * What {@code creds SERVICE} gives: one field's value, or the connection string in {@code format}. The value is
     * for an explicit print or copy only.
     */
    public String credentials(String service, Optional<String> field, ConnectionFormat format) {
        return field.map(f -> fieldValue(service, f)).orElseGet(() -> connectionString(service, format));
    }

    @Override
    public SecretOverview overview(String service) {
        ServiceDefinition d = definition(service);
        KvSecret secret = store.get().read(path(d));
        List<String> fields = secret.data().keySet().stream().filter(f -> !VaultServices.TLS_FLAG.equals(f)).toList();
        Optional<TlsStatus> status = tls.switchable(d) ? Optional.of(tlsStatus(service)) : Optional.empty();
        Map<String, String> plain = new LinkedHashMap<>();
        fields.stream().filter(f -> !SecretFields.isSecret(f))
                .forEach(f -> secret.text(f).ifPresent(v -> plain.put(f, v)));
        return new SecretOverview(service, path(d), fields, status, plain);
    }

    @Override
    public String maskedConnectionString(String service, ConnectionFormat format) {
        ServiceDefinition d = connectable(service);
        return store.get().connectionString(d, masked(store.get().read(path(d))), format).replace(PLACEHOLDER, MASK);
    }

    @Override
    public String connectionString(String service, ConnectionFormat format) {
        ServiceDefinition d = connectable(service);
        return store.get().connectionString(d, store.get().read(path(d)), format);
    }

    @Override
    public String fieldValue(String service, String field) {
        ServiceDefinition d = definition(service);
        KvSecret secret = store.get().read(path(d));
        return secret.text(field).orElseThrow(() -> new UserError(UserError.Kind.CONFIGURATION, "secret/"
                + secret.path() + " has no field '" + field + "'", "fields: " + String.join(", ",
                secret.data().keySet())));
    }

    @Override
    public TlsStatus tlsStatus(String service) {
        return status(tls.status(service));
    }

    @Override
    public TlsChange setTls(String service, boolean enabled, Consumer<String> progress) {
        return change(tls.set(service, enabled, progress));
    }

    @Override
    public TlsChange applyTls(String service, Consumer<String> progress) {
        return change(tls.apply(service, progress));
    }

    private TlsChange change(TlsReport report) {
        return new TlsChange(status(report), report.changed(), report.certificateIssued(), report.restarted(),
                report.manualStep(), report.restartProblem(), report.headline());
    }

    private TlsStatus status(TlsReport report) {
        return new TlsStatus(report.service(), report.enabled(),
                report.certificate().map(c -> c.expiry(clock.instant())));
    }

    @Override
    public boolean tokenStored(VaultToken token) {
        VaultOperations.StoredKeys keys = vault.storedKeys();
        return token == VaultToken.ROOT ? keys.rootToken() : keys.appToken();
    }

    @Override
    public String token(VaultToken token) {
        return vault.token(token);
    }

    /**
     * The service's definition, once the rule holds.
     *
     * @throws UserError of kind CONFIGURATION for an unknown service or one without a vault-path label
     */
    private ServiceDefinition definition(String service) {
        Catalog stack = catalog.get();
        ServiceDefinition d = stack.service(service).orElseThrow(() -> new UserError(UserError.Kind.CONFIGURATION,
                "unknown service '" + service + "' in " + stack.source(), withSecrets(stack)));
        if (VaultServices.credentialPath(d).isEmpty()) {
            throw new UserError(UserError.Kind.CONFIGURATION, service + " keeps no secret in Vault (no "
                    + VaultServices.VAULT_PATH_LABEL + " label in " + stack.source() + ")", withSecrets(stack));
        }
        return d;
    }

    /** A service with credentials and a connection kind (label {@code io.colima-services.connection}). */
    private ServiceDefinition connectable(String service) {
        ServiceDefinition d = definition(service);
        if (d.connection().isEmpty()) {
            throw new UserError(UserError.Kind.CONFIGURATION, service + " has no connection kind (label "
                    + "io.colima-services.connection)", "use --field NAME to get one field of its secret");
        }
        return d;
    }

    private static String withSecrets(Catalog stack) {
        return "services with secrets: " + String.join(", ", stack.services().stream()
                .filter(d -> VaultServices.credentialPath(d).isPresent()).map(ServiceDefinition::name).toList());
    }

    private static String path(ServiceDefinition d) {
        return VaultServices.credentialPath(d).orElseThrow();
    }

    /** The secret with every password field (password, root_password, admin_password) replaced by a placeholder. */
    private static KvSecret masked(KvSecret secret) {
        Map<String, Object> data = new LinkedHashMap<>(secret.data());
        data.replaceAll((field, value) -> SecretFields.isSecret(field) ? PLACEHOLDER : value);
        return new KvSecret(secret.path(), data, secret.version());
    }
}
