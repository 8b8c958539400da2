package io.colimaservices.ui.credentials;

import io.colimaservices.domain.CertificateExpiry;
import io.colimaservices.domain.ConnectionFormat;
import io.colimaservices.domain.ConnectionKind;
import io.colimaservices.domain.CredentialService;
import io.colimaservices.domain.UserError;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Credentials for page tests: postgres, redis-1, forgejo and grafana, with recognizable secret values. */
public class FakeCredentialService implements CredentialService {
    public static final String PG_PASSWORD = "PgSecretValue0123456789ab";
    public static final String REDIS_PASSWORD = "RedisSecretValue987654321";
    public static final String ROOT_TOKEN = "hvs.ROOT-TOKEN-SECRET";
    public static final String APP_TOKEN = "hvs.APP-TOKEN-SECRET";
    public static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    public boolean sealed;
    public final Map<String, Boolean> tls = new HashMap<>(Map.of("postgres", true, "redis-1", true, "forgejo", true));
    public final Map<String, CertificateExpiry> certificates = new HashMap<>();
    public final List<String> calls = new ArrayList<>();
    public boolean restarter = true;
    /** The next TLS switch fails before anything changed. */
    public boolean failTlsBeforeChange;
    /** The next TLS switch merges the flag, then the service does not come back. */
    public boolean failTlsRestart;
    public boolean rootStored = true;
    public boolean appStored = true;

    public FakeCredentialService() {
        certificates.put("postgres", CertificateExpiry.of(NOW.plusSeconds(300L * 86_400 + 3_600), NOW));
        certificates.put("redis-1", CertificateExpiry.of(NOW.plusSeconds(20L * 86_400 + 3_600), NOW));
    }

    @Override
    public List<CredentialEntry> services() {
        calls.add("services");
        return List.of(
                new CredentialEntry("postgres", "postgresql", Optional.of(ConnectionKind.POSTGRESQL), true,
                        List.of(ConnectionFormat.values())),
                new CredentialEntry("redis-1", "redis-1", Optional.of(ConnectionKind.REDIS), true,
                        List.of(ConnectionFormat.URL, ConnectionFormat.ENV, ConnectionFormat.JSON)),
                new CredentialEntry("forgejo", "forgejo", Optional.of(ConnectionKind.GIT), true, List.of()),
                new CredentialEntry("grafana", "grafana", Optional.of(ConnectionKind.HTTP), false, List.of()));
    }

    private Map<String, String> secret(String service) {
        requireUnsealed();
        Map<String, String> data = new LinkedHashMap<>();
        switch (service) {
            case "postgres" -> {
                data.put("username", "dev_admin");
                data.put("database", "dev_database");
                data.put("password", PG_PASSWORD);
            }
            case "redis-1" -> data.put("password", REDIS_PASSWORD);
            case "forgejo" -> { }
            case "grafana" -> {
                data.put("username", "admin");
                data.put("password", "GrafanaSecretValue1234567");
            }
            default -> throw new UserError(UserError.Kind.CONFIGURATION, service + " keeps no secret in Vault");
        }
        return data;
    }

    @Override
    public synchronized SecretOverview overview(String service) {
        calls.add("overview " + service);
        Map<String, String> data = secret(service);
        Optional<TlsStatus> status = tls.containsKey(service) ? Optional.of(tlsStatus(service)) : Optional.empty();
        Map<String, String> plain = new java.util.LinkedHashMap<>(data);
        plain.keySet().removeIf(io.colimaservices.domain.SecretFields::isSecret);
        plain.remove("tls_enabled");
        return new SecretOverview(service, service.equals("postgres") ? "postgresql" : service,
                List.copyOf(data.keySet()), status, plain);
    }

    @Override
    public synchronized String maskedConnectionString(String service, ConnectionFormat format) {
        calls.add("masked " + service + " " + format.label());
        return render(service, format, MASK);
    }

    @Override
    public synchronized String connectionString(String service, ConnectionFormat format) {
        calls.add("connection " + service + " " + format.label());
        return render(service, format, secret(service).get("password"));
    }

    private String render(String service, ConnectionFormat format, String password) {
        requireUnsealed();
        boolean on = tls.getOrDefault(service, false);
        return switch (service + "/" + format) {
            case "postgres/URL" -> "postgresql://dev_admin:" + password + "@localhost:5432/dev_database"
                    + (on ? "?sslmode=require" : "");
            case "postgres/JDBC" -> "jdbc:postgresql://localhost:5432/dev_database?user=dev_admin&password="
                    + password + (on ? "&sslmode=require" : "");
            case "postgres/ENV" -> "PGHOST=localhost\nPGPORT=5432\nPGUSER=dev_admin\nPGPASSWORD=" + password
                    + "\nPGDATABASE=dev_database" + (on ? "\nPGSSLMODE=require" : "");
            case "postgres/JSON" -> "{\n  \"service\" : \"postgres\",\n  \"password\" : \"" + password + "\"\n}";
            case "redis-1/URL" -> (on ? "rediss" : "redis") + "://:" + password + "@localhost:" + (on ? 6390 : 6379);
            case "redis-1/ENV" -> "REDIS_URL=redis://:" + password + "@localhost:6379";
            case "redis-1/JSON" -> "{\n  \"password\" : \"" + password + "\"\n}";
            default -> throw new UserError(UserError.Kind.CONFIGURATION, "no " + format.label() + " for " + service);
        };
    }

    @Override
    public synchronized String fieldValue(String service, String field) {
        calls.add("field " + service + " " + field);
        String value = secret(service).get(field);
        if (value == null) {
            throw new UserError(UserError.Kind.CONFIGURATION, "secret/" + service + " has no field '" + field + "'");
        }
        return value;
    }

    @Override
    public synchronized TlsStatus tlsStatus(String service) {
        requireUnsealed();
        return new TlsStatus(service, tls.get(service), Optional.ofNullable(certificates.get(service)));
    }

    @Override
    public synchronized TlsChange setTls(String service, boolean enabled, Consumer<String> progress) {
        calls.add("tls " + service + " " + enabled);
        requireUnsealed();
        if (failTlsBeforeChange) {
            failTlsBeforeChange = false;
            throw new UserError(UserError.Kind.VAULT, "secret/" + service + " kept changing while tls_enabled was "
                    + "being merged (5 attempts); nothing was overwritten", "try again");
        }
        boolean changed = tls.get(service) != enabled;
        tls.put(service, enabled);
        progress.accept("secret/" + service + ": tls_enabled=" + enabled);
        progress.accept("re-armed vault-agent");
        if (!restarter) {
            return new TlsChange(tlsStatus(service), changed, false, List.of(),
                    Optional.of("docker compose restart vault-agent " + service));
        }
        progress.accept("restarting vault-agent and waiting until it is healthy");
        progress.accept("restarting " + service + " and waiting until it is healthy");
        return restarted(service, changed);
    }

    @Override
    public synchronized TlsChange applyTls(String service, Consumer<String> progress) {
        calls.add("tls apply " + service);
        requireUnsealed();
        return restarted(service, false);
    }

    /** As the real toggle: a restart that does not complete is reported with the flag already stored. */
    private TlsChange restarted(String service, boolean changed) {
        String state = tls.get(service) ? "on" : "off";
        if (failTlsRestart) {
            failTlsRestart = false;
            return new TlsChange(tlsStatus(service), changed, false, List.of("vault-agent"), Optional.empty(),
                    Optional.of("vault-agent did not come back: vault-agent did not become healthy within 180 s"),
                    "TLS is " + state + " in Vault; " + service + " still runs with TLS "
                            + (tls.get(service) ? "off" : "on"));
        }
        return new TlsChange(tlsStatus(service), changed, false, List.of("vault-agent", service), Optional.empty());
    }

    @Override
    public boolean tokenStored(VaultToken token) {
        return token == VaultToken.ROOT ? rootStored : appStored;
    }

    @Override
    public String token(VaultToken token) {
        calls.add("token " + token);
        return token == VaultToken.ROOT ? ROOT_TOKEN : APP_TOKEN;
    }

    private void requireUnsealed() {
        if (sealed) {
            throw new UserError(UserError.Kind.VAULT, "Vault at http://127.0.0.1:8200 is sealed (progress 0/3)",
                    "run 'colima-services vault unseal'");
        }
    }
}
