package io.colimaservices.app;

import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.ConnectionFormat;
import io.colimaservices.domain.CredentialService;
import io.colimaservices.domain.SecretNames;
import io.colimaservices.domain.ServiceDefinition;
import io.colimaservices.domain.StackStore;
import io.colimaservices.domain.UserError;
import io.colimaservices.vault.CertificateInfo;
import io.colimaservices.vault.ConnectionStrings;
import io.colimaservices.vault.KvSecret;
import io.colimaservices.vault.TlsToggle;
import io.colimaservices.vault.VaultActions;
import io.colimaservices.vault.VaultLayout;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Credentials page's port over {@link VaultActions} and {@link ConnectionStrings}, doing what the CLI's
 * {@code creds}, {@code tls} and {@code vault token} commands do. Services come from the current catalog.
 */
public final class AppCredentialService implements CredentialService {
    private static final String MOUNT_PREFIX = "secret/";
    /** Stands in for the password while rendering a string for display: survives URL encoding unchanged. */
    private static final String PLACEHOLDER = "COLIMASERVICESMASKEDPASSWORD";

    private final Supplier<VaultActions> actions;
    private final Supplier<Catalog> catalog;
    private final Clock clock;

    public AppCredentialService(Supplier<VaultActions> actions, Supplier<Catalog> catalog, Clock clock) {
        this.actions = Objects.requireNonNull(actions);
        this.catalog = Objects.requireNonNull(catalog);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Over the app's context, with the services of the store's current catalog. */
    public static AppCredentialService of(AppContext context, StackStore store) {
        return new AppCredentialService(context::vaultActions, () -> store.current().catalog(), Clock.systemUTC());
    }

    @Override
    public List<CredentialEntry> services() {
        return catalog.get().services().stream()
                .filter(d -> d.vaultPath().isPresent())
                .map(AppCredentialService::entry)
                .toList();
    }

    private static CredentialEntry entry(ServiceDefinition d) {
        List<ConnectionFormat> formats = d.connection()
                .map(kind -> Arrays.stream(ConnectionFormat.values())
                        .filter(f -> ConnectionStrings.supports(kind, format(f))).toList())
                .orElse(List.of());
        return new CredentialEntry(d.name(), path(d), d.connection(), tlsCapable(d), formats);
    }

    private static String path(ServiceDefinition d) {
        String label = d.vaultPath().orElseThrow();
        return label.startsWith(MOUNT_PREFIX) ? label.substring(MOUNT_PREFIX.length()) : label;
    }

    /** The catalog says it can serve TLS and the contract gives it a certificate (so the toggle can switch it). */
    private static boolean tlsCapable(ServiceDefinition d) {
        return d.tls().capable() && VaultLayout.service(d.name()).map(VaultLayout.ServiceSpec::tls).orElse(false);
    }

    @Override
    public SecretOverview overview(String service) {
        ServiceDefinition d = definition(service);
        KvSecret secret = actions.get().secret(path(d));
        List<String> fields = secret.data().keySet().stream().filter(f -> !VaultLayout.TLS_FIELD.equals(f)).toList();
        Optional<TlsStatus> tls = tlsCapable(d) ? Optional.of(tlsStatus(service)) : Optional.empty();
        return new SecretOverview(service, path(d), fields, tls);
    }

    @Override
    public String maskedConnectionString(String service, ConnectionFormat format) {
        ServiceDefinition d = definition(service);
        ConnectionStrings.Target real = ConnectionStrings.target(d, actions.get().secret(path(d)));
        ConnectionStrings.Target masked = new ConnectionStrings.Target(real.service(), real.kind(), real.tls(),
                real.port(), real.username(), PLACEHOLDER, real.database());
        return ConnectionStrings.render(masked, format(format)).replace(PLACEHOLDER, MASK);
    }

    @Override
    public String connectionString(String service, ConnectionFormat format) {
        ServiceDefinition d = definition(service);
        return ConnectionStrings.render(ConnectionStrings.target(d, actions.get().secret(path(d))), format(format));
    }

    @Override
    public String fieldValue(String service, String field) {
        ServiceDefinition d = definition(service);
        KvSecret secret = actions.get().secret(path(d));
        return secret.text(field).orElseThrow(() -> new UserError(UserError.Kind.CONFIGURATION, "secret/"
                + secret.path() + " has no field '" + field + "'", "fields: " + String.join(", ",
                secret.data().keySet())));
    }

    @Override
    public TlsStatus tlsStatus(String service) {
        ServiceDefinition d = definition(service);
        return status(actions.get().tlsStatus(spec(d), path(d)));
    }

    @Override
    public TlsChange setTls(String service, boolean enabled, Consumer<String> progress) {
        ServiceDefinition d = definition(service);
        return change(actions.get().tls(spec(d), path(d), enabled, progress));
    }

    @Override
    public TlsChange applyTls(String service, Consumer<String> progress) {
        ServiceDefinition d = definition(service);
        return change(actions.get().tlsReapply(spec(d), path(d), progress));
    }

    private TlsChange change(TlsToggle.Report report) {
        return new TlsChange(status(report), report.changed(), report.certificateIssued(), report.restarted(),
                report.manualStep(), report.restartProblem(), report.headline());
    }

    private TlsStatus status(TlsToggle.Report report) {
        Optional<CertificateInfo> cert = Optional.ofNullable(report.certificate());
        return new TlsStatus(report.service(), report.enabled(), cert.map(c -> c.expiry(clock.instant())));
    }

    @Override
    public boolean tokenStored(VaultToken token) {
        return actions.get().store().read(name(token)).isPresent();
    }

    @Override
    public String token(VaultToken token) {
        return actions.get().token(name(token));
    }

    private static String name(VaultToken token) {
        return token == VaultToken.ROOT ? SecretNames.ROOT_TOKEN : SecretNames.APP_TOKEN;
    }

    private ServiceDefinition definition(String service) {
        Catalog current = catalog.get();
        return current.service(service).filter(d -> d.vaultPath().isPresent())
                .orElseThrow(() -> new UserError(UserError.Kind.CONFIGURATION, service + " keeps no secret in Vault "
                        + "(no io.colima-services.vault-path label in " + current.source() + ")"));
    }

    private static VaultLayout.ServiceSpec spec(ServiceDefinition d) {
        return VaultLayout.service(d.name()).filter(s -> tlsCapable(d)).orElseThrow(() -> new UserError(
                UserError.Kind.CONFIGURATION, d.name() + " has no TLS to switch", "TLS services: " + String.join(", ",
                VaultLayout.tlsServices().stream().map(VaultLayout.ServiceSpec::name).toList())));
    }

    private static ConnectionStrings.Format format(ConnectionFormat format) {
        return ConnectionStrings.Format.valueOf(format.name());
    }
}
