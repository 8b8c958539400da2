package io.colimaservices.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The stack's secrets services and the labels through which the compose file says what each service reads from
 * Vault (docs/vault-contract.md). The one place the names {@value #VAULT} and {@value #AGENT} are written; a test
 * checks them against the bundled compose file.
 */
public final class VaultServices {
    /** The Vault server's compose service: unsealed after it starts. */
    public static final String VAULT = "vault";
    /** The secret delivery service: armed with one-use credentials before it starts, restarted to render again. */
    public static final String AGENT = "vault-agent";
    /** The agent renders into the {@code secrets-<service>} volumes. */
    public static final SecretDelivery DELIVERY = new SecretDelivery(AGENT, "secrets-");
    /** The KV v2 mount every path below lives in; labels may write it ({@code secret/postgresql}) or not. */
    public static final String MOUNT_PREFIX = "secret/";
    /** The field of a service's own secret that switches its TLS. */
    public static final String TLS_FLAG = "tls_enabled";
    /** The KV path of the service's own credentials (the one that carries {@value #TLS_FLAG}). */
    public static final String VAULT_PATH_LABEL = "io.colima-services.vault-path";
    /** Further KV paths the service may read, comma-separated (forgejo: its database login). */
    public static final String VAULT_READS_LABEL = "io.colima-services.vault-reads";
    /** {@code "true"}: the service can serve TLS with a certificate from the stack's PKI. */
    public static final String TLS_LABEL = "io.colima-services.tls";

    private VaultServices() {
    }

    /** {@code secret/postgresql} and {@code postgresql} both name the KV path {@code postgresql}. */
    public static String kvPath(String label) {
        String path = label.strip();
        return path.startsWith(MOUNT_PREFIX) ? path.substring(MOUNT_PREFIX.length()) : path;
    }

    /** The KV path of the service's own secret (its {@value #VAULT_PATH_LABEL} label), if it has one. */
    public static Optional<String> credentialPath(ServiceDefinition service) {
        return service.vaultPath().map(VaultServices::kvPath).filter(p -> !p.isEmpty());
    }

    /** Every KV path the service reads: its own first, then those of {@value #VAULT_READS_LABEL}; none without one. */
    public static List<String> reads(ServiceDefinition service) {
        Optional<String> own = credentialPath(service);
        if (own.isEmpty()) {
            return List.of();
        }
        List<String> paths = new ArrayList<>(List.of(own.get()));
        service.label(VAULT_READS_LABEL).ifPresent(extra -> {
            for (String part : extra.split(",")) {
                String path = kvPath(part);
                if (!path.isEmpty() && !paths.contains(path)) {
                    paths.add(path);
                }
            }
        });
        return List.copyOf(paths);
    }

    /** The service keeps a secret in Vault and can switch TLS: both labels are there. */
    public static boolean tlsSwitchable(ServiceDefinition service) {
        return service.tls().capable() && credentialPath(service).isPresent();
    }
}
