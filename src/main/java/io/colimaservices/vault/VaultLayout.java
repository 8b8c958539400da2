package io.colimaservices.vault;

import io.colimaservices.domain.Catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * docs/vault-contract.md as data: the secrets bootstrap creates, the services that get a certificate, policy and
 * AppRole. The services' static IPs (for certificate IP SANs) are not kept here: the compose file is their one
 * source, and {@link #ipSans} asks the catalog.
 */
public final class VaultLayout {
    public static final String PKI_ROOT = "pki";
    public static final String PKI_INT = "pki_int";
    public static final String ROOT_CA_NAME = "Colima Services Root CA";
    public static final String INT_CA_NAME = "Colima Services Intermediate CA";
    public static final String ROOT_CA_TTL = "87600h";
    public static final String INT_CA_TTL = "43800h";
    public static final String CERT_TTL = "8760h";
    public static final String APP_POLICY = "colima-services-app";
    public static final String TLS_FIELD = "tls_enabled";
    private static final String LOOPBACK = "127.0.0.1";
    /** Shared by redis-1..3 (one cluster, one password). */
    public static final List<String> REDIS_PATHS = List.of("redis-1", "redis-2", "redis-3");

    /**
     * One KV secret: fixed fields (usernames, database names), fields bootstrap fills with a random password,
     * and whether it carries the {@code tls_enabled} flag.
     */
    public record SecretSpec(String path, Map<String, String> fixed, List<String> generated, boolean tlsFlag) {
    }

    /**
     * A service that reads secrets in its container (it gets policy {@code svc-<name>} and an AppRole).
     *
     * @param reads the KV paths (under {@code secret/}) it reads, its own credential first
     */
    public record ServiceSpec(String name, List<String> reads, boolean tls) {
        /** The KV path whose {@code tls_enabled} switches this service. */
        public String credentialPath() {
            return reads.getFirst();
        }

        public String policy() {
            return "svc-" + name;
        }

        public String pkiRole() {
            return name + "-role";
        }

        public String certPath() {
            return "certs/" + name;
        }
    }

    public static final List<SecretSpec> SECRETS = List.of(
            new SecretSpec("postgresql", ordered("username", "dev_admin", "database", "dev_database"),
                    List.of("password"), true),
            new SecretSpec("mysql", ordered("username", "dev_user", "database", "dev_database"),
                    List.of("root_password", "password"), true),
            new SecretSpec("mongodb", ordered("username", "dev_user", "database", "dev_database"),
                    List.of("password"), true),
            new SecretSpec("redis-1", Map.of(), List.of("password"), true),
            new SecretSpec("redis-2", Map.of(), List.of("password"), true),
            new SecretSpec("redis-3", Map.of(), List.of("password"), true),
            new SecretSpec("rabbitmq", ordered("username", "dev_user", "vhost", "dev_vhost"),
                    List.of("password"), true),
            // Forgejo's web admin, created once by the stack's forgejo-admin-init step (its database login is
            // secret/postgresql). "admin" itself is a name Forgejo reserves.
            new SecretSpec("forgejo", ordered("admin_username", "dev_admin", "admin_email", "dev_admin@localhost"),
                    List.of("admin_password"), true),
            new SecretSpec("grafana", ordered("username", "admin"), List.of("password"), false));

    public static final List<ServiceSpec> SERVICES = List.of(
            tls("postgres", "postgresql"),
            plain("pgbouncer", "postgresql"),
            tls("mysql", "mysql"),
            tls("mongodb", "mongodb"),
            tls("redis-1", "redis-1"),
            tls("redis-2", "redis-2"),
            tls("redis-3", "redis-3"),
            tls("rabbitmq", "rabbitmq"),
            tls("forgejo", "forgejo", "postgresql"),
            plain("redis-exporter-1", "redis-1"),
            plain("redis-exporter-2", "redis-1"),
            plain("redis-exporter-3", "redis-1"),
            plain("grafana", "grafana"));

    private VaultLayout() {
    }

    public static Optional<ServiceSpec> service(String name) {
        return SERVICES.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public static List<ServiceSpec> tlsServices() {
        return SERVICES.stream().filter(ServiceSpec::tls).toList();
    }

    /**
     * The IP SANs of a service's certificate: its static address on the stack network as the compose file gives it
     * (so the certificate follows {@code COLIMA_SERVICES_NET}), then loopback.
     */
    public static List<String> ipSans(ServiceSpec service, Catalog catalog) {
        List<String> ips = new ArrayList<>();
        catalog.staticAddress(service.name()).ifPresent(ips::add);
        ips.add(LOOPBACK);
        return List.copyOf(ips);
    }

    /** The policy a service's AppRole token carries: read on its secrets and, with TLS, its certificate. */
    public static String policyFor(ServiceSpec service) {
        StringBuilder hcl = new StringBuilder("# ").append(service.policy()).append(": written by colima-services\n");
        for (String path : service.reads()) {
            hcl.append(readRule(KvPaths.data(path)));
        }
        if (service.tls()) {
            hcl.append(readRule(KvPaths.data(service.certPath())));
        }
        return hcl.toString();
    }

    /**
     * The app's daily token: read and update secrets (create for a first certificate), read metadata, issue
     * certificates, read mounts, and arm the agent (read role IDs, create secret IDs). No other sys/ access.
     */
    public static String appPolicy() {
        return """
                # colima-services-app: the app's scoped token, written by colima-services
                path "secret/data/*" {
                  capabilities = ["create", "read", "update"]
                }
                path "secret/metadata/*" {
                  capabilities = ["read"]
                }
                path "pki_int/issue/*" {
                  capabilities = ["update"]
                }
                path "sys/mounts" {
                  capabilities = ["read"]
                }
                path "auth/approle/role/+/role-id" {
                  capabilities = ["read"]
                }
                path "auth/approle/role/+/secret-id" {
                  capabilities = ["update"]
                }
                """;
    }

    private static String readRule(String path) {
        return "path \"" + path + "\" {\n  capabilities = [\"read\"]\n}\n";
    }

    private static ServiceSpec tls(String name, String... reads) {
        return new ServiceSpec(name, List.of(reads), true);
    }

    private static ServiceSpec plain(String name, String... reads) {
        return new ServiceSpec(name, List.of(reads), false);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** KV v2 API paths for a secret path under the {@code secret/} mount. */
    public static final class KvPaths {
        private KvPaths() {
        }

        public static String data(String path) {
            return VaultSession.KV_MOUNT + "/data/" + path;
        }
    }
}
