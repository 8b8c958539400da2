package io.colimaservices.vault;

import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.ServiceDefinition;
import io.colimaservices.domain.UserError;
import io.colimaservices.domain.VaultServices;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * docs/vault-contract.md as data, with the compose file as the one source of which services read which secrets:
 * every service with an {@code io.colima-services.vault-path} label gets a policy and an AppRole reading that path
 * (and those of {@code io.colima-services.vault-reads}), and, with {@code io.colima-services.tls: "true"}, a PKI role
 * and a certificate whose IP SANs are its static address in the compose file. What stays here is what the compose
 * file cannot say: the fields each secret of the contract holds ({@link #SECRETS}), the PKI's names and lifetimes,
 * the app's policy. {@code BundledLayoutTest} checks this against the bundled compose file.
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
    public static final String TLS_FIELD = VaultServices.TLS_FLAG;
    private static final String LOOPBACK = "127.0.0.1";
    /** Shared by redis-1..3 (one cluster, one password). */
    public static final List<String> REDIS_PATHS = List.of("redis-1", "redis-2", "redis-3");

    /**
     * One KV secret of the contract: fixed fields (usernames, database names) and the fields bootstrap fills with a
     * random password. Whether it also carries {@code tls_enabled} comes from the compose file ({@link #tlsFlag}).
     */
    public record SecretSpec(String path, Map<String, String> fixed, List<String> generated) {
        /** It is the own secret of a service that can switch TLS. */
        public boolean tlsFlag(Catalog catalog) {
            return services(catalog).stream().anyMatch(s -> s.tls() && s.credentialPath().equals(path));
        }
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

    /** The fields of every secret the contract knows; bootstrap creates those the compose file's labels name. */
    public static final List<SecretSpec> SECRETS = List.of(
            new SecretSpec("postgresql", ordered("username", "dev_admin", "database", "dev_database"),
                    List.of("password")),
            new SecretSpec("mysql", ordered("username", "dev_user", "database", "dev_database"),
                    List.of("root_password", "password")),
            new SecretSpec("mongodb", ordered("username", "dev_user", "database", "dev_database"),
                    List.of("password")),
            new SecretSpec("redis-1", Map.of(), List.of("password")),
            new SecretSpec("redis-2", Map.of(), List.of("password")),
            new SecretSpec("redis-3", Map.of(), List.of("password")),
            new SecretSpec("rabbitmq", ordered("username", "dev_user", "vhost", "dev_vhost"),
                    List.of("password")),
            // Forgejo's web admin, created once by the stack's forgejo-admin-init step (its database login is
            // secret/postgresql). "admin" itself is a name Forgejo reserves.
            new SecretSpec("forgejo", ordered("admin_username", "dev_admin", "admin_email", "dev_admin@localhost"),
                    List.of("admin_password")),
            new SecretSpec("grafana", ordered("username", "admin"), List.of("password")));

    private VaultLayout() {
    }

    /** The services that read secrets, in the compose file's order: those with a vault-path label. */
    public static List<ServiceSpec> services(Catalog catalog) {
        List<ServiceSpec> services = new ArrayList<>();
        for (ServiceDefinition d : catalog.services()) {
            List<String> reads = VaultServices.reads(d);
            if (!reads.isEmpty()) {
                services.add(new ServiceSpec(d.name(), reads, d.tls().capable()));
            }
        }
        return List.copyOf(services);
    }

    public static Optional<ServiceSpec> service(Catalog catalog, String name) {
        return services(catalog).stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The services that get a certificate: a vault-path label and {@code io.colima-services.tls: "true"}. */
    public static List<ServiceSpec> tlsServices(Catalog catalog) {
        return services(catalog).stream().filter(ServiceSpec::tls).toList();
    }

    /** The service's TLS spec, or a message naming the services that have one. */
    public static ServiceSpec requireTls(Catalog catalog, String name, String what) {
        return service(catalog, name).filter(ServiceSpec::tls).orElseThrow(() -> new UserError(
                UserError.Kind.CONFIGURATION, name + " " + what + " (it needs the labels "
                + VaultServices.TLS_LABEL + ": \"true\" and " + VaultServices.VAULT_PATH_LABEL + " in "
                + catalog.source() + ")", "TLS services: " + String.join(", ",
                tlsServices(catalog).stream().map(ServiceSpec::name).toList())));
    }

    /** The contract's secrets that some service of the compose file reads: what bootstrap creates. */
    public static List<SecretSpec> secrets(Catalog catalog) {
        java.util.Set<String> read = new java.util.HashSet<>();
        services(catalog).forEach(s -> read.addAll(s.reads()));
        return SECRETS.stream().filter(s -> read.contains(s.path())).toList();
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
