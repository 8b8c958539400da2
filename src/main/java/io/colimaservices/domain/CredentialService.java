package io.colimaservices.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the Credentials page reads and changes: the services with a secret in Vault (from the catalog), their
 * fields, connection strings, TLS switch, and the stored tokens. Values (passwords, tokens, full connection strings)
 * are returned only by the methods meant for an explicit copy; everything else names fields or masks the password.
 * Every method blocks: callers run them off the UI thread. Failures are {@link UserError}s without a secret in them.
 */
public interface CredentialService {
    /** What every masked value looks like. */
    String MASK = "••••••••";

    /** The catalog's services that keep a secret in Vault (label {@code io.colima-services.vault-path}). */
    List<CredentialEntry> services();

    /** The field names of the service's secret (not {@code tls_enabled}) and, for a TLS service, its TLS status. */
    SecretOverview overview(String service);

    /** The connection string with the password replaced by {@link #MASK}, for display. */
    String maskedConnectionString(String service, ConnectionFormat format);

    /** The real connection string, password included: only ever handed to the clipboard. */
    String connectionString(String service, ConnectionFormat format);

    /** One field's value: only ever handed to the clipboard. */
    String fieldValue(String service, String field);

    TlsStatus tlsStatus(String service);

    /**
     * Turns TLS on or off: merges the flag, makes sure a certificate is there, re-arms and restarts vault-agent and
     * the service (can take a minute). {@code progress} hears one line per step.
     */
    TlsChange setTls(String service, boolean enabled, Consumer<String> progress);

    /**
     * Makes the service run with the TLS flag Vault has, changing nothing in Vault: re-arms and restarts vault-agent
     * and the service. What a switch whose restart did not complete offers again.
     */
    TlsChange applyTls(String service, Consumer<String> progress);

    boolean tokenStored(VaultToken token);

    /** A stored token, for an explicit copy; never shown. */
    String token(VaultToken token);

    enum VaultToken {
        /** The initial root token (bootstrap only). */
        ROOT,
        /** The app's scoped daily token. */
        APP
    }

    /**
     * @param path       the KV path under {@code secret/}, e.g. {@code postgresql}
     * @param tlsCapable whether TLS can be switched for it
     * @param formats    the connection-string formats its kind supports (empty when it has none)
     */
    record CredentialEntry(String service, String path, Optional<ConnectionKind> kind, boolean tlsCapable,
                           List<ConnectionFormat> formats) {
        public CredentialEntry {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(kind, "kind");
            formats = List.copyOf(formats);
        }
    }

    /**
     * @param fields field names in the secret's order
     * @param plainValues the values of the fields that are not secret ({@link SecretFields}: a username, a database),
     *                    for display; never a password or a token
     */
    record SecretOverview(String service, String path, List<String> fields, Optional<TlsStatus> tls,
                          java.util.Map<String, String> plainValues) {
        public SecretOverview {
            fields = List.copyOf(fields);
            Objects.requireNonNull(tls, "tls");
            plainValues = java.util.Map.copyOf(plainValues);
            if (plainValues.keySet().stream().anyMatch(SecretFields::isSecret)) {
                throw new IllegalArgumentException("a secret field's value is not for display");
            }
        }

        /** Every value masked. */
        public SecretOverview(String service, String path, List<String> fields, Optional<TlsStatus> tls) {
            this(service, path, fields, tls, java.util.Map.of());
        }

        /** What the field shows: its value when it is not secret, else {@link #MASK}. */
        public String shown(String field) {
            return plainValues.getOrDefault(field, MASK);
        }
    }

    /** @param certificate empty while no certificate is stored */
    record TlsStatus(String service, boolean enabled, Optional<CertificateExpiry> certificate) {
        public TlsStatus {
            Objects.requireNonNull(certificate, "certificate");
        }
    }

    /**
     * @param restarted      services restarted, in order; empty when no restarter is wired (then {@code manualStep})
     * @param manualStep     what the user has to run to apply the change, when the app could not restart
     * @param restartProblem why a restart did not complete: Vault has the flag, the service does not run with it
     *                       (yet); {@link #applyTls} restarts again
     * @param headline       the outcome in one line, e.g. "TLS is off in Vault; postgres still runs with TLS on"
     */
    record TlsChange(TlsStatus status, boolean changed, boolean certificateIssued, List<String> restarted,
                     Optional<String> manualStep, Optional<String> restartProblem, String headline) {
        public TlsChange {
            restarted = List.copyOf(restarted);
            Objects.requireNonNull(manualStep, "manualStep");
            Objects.requireNonNull(restartProblem, "restartProblem");
            Objects.requireNonNull(headline, "headline");
        }

        public TlsChange(TlsStatus status, boolean changed, boolean certificateIssued, List<String> restarted,
                         Optional<String> manualStep) {
            this(status, changed, certificateIssued, restarted, manualStep, Optional.empty(),
                    "TLS is " + (status.enabled() ? "on" : "off") + " in Vault for " + status.service());
        }
    }
}
