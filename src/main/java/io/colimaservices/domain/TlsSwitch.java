package io.colimaservices.domain;

import java.util.function.Consumer;

/**
 * Switches a service's TLS where the stack keeps the flag (Vault: {@code tls_enabled} merged into the service's own
 * secret with check-and-set, a certificate issued when needed, the agent re-armed, the agent and the service
 * restarted). The caller has checked that the service may switch TLS. Progress lines never carry a value.
 */
public interface TlsSwitch {

    /** @param credentialPath the KV path of the service's own secret (its vault-path label) */
    TlsReport set(String service, String credentialPath, boolean enabled, Consumer<String> progress);

    /** Restarts the agent and the service so that it runs with the flag Vault has; changes nothing in Vault. */
    TlsReport reapply(String service, String credentialPath, Consumer<String> progress);

    /** The flag and the certificate as stored now. */
    TlsReport status(String service, String credentialPath);
}
