package io.colimaservices.vault;

import io.colimaservices.domain.KvSecret;
import com.fasterxml.jackson.databind.JsonNode;
import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.UserError;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Keeps each TLS service's certificate in {@code secret/certs/<service>} (docs/vault-contract.md): issues one from
 * {@code pki_int/issue/<service>-role} when there is none or it has {@value CertificateInfo#WARN_DAYS} days or
 * fewer left. The private key goes from Vault's answer straight into Vault's KV: never to a host file.
 * API: https://developer.hashicorp.com/vault/api-docs/secret/pki#generate-certificate-and-key
 */
public final class CertificateIssuer {
    private final VaultSession session;
    private final Clock clock;
    private final Supplier<Catalog> catalog;

    public record Outcome(CertificateInfo certificate, boolean issued) {
    }

    /** @param catalog the stack as the compose file defines it: the services' static addresses come from it */
    public CertificateIssuer(VaultSession session, Clock clock, Supplier<Catalog> catalog) {
        this.session = session;
        this.clock = clock;
        this.catalog = catalog;
    }

    /** The stored certificate, if any. */
    public Optional<CertificateInfo> current(VaultLayout.ServiceSpec service) {
        KvSecret stored = session.readSecret(service.certPath());
        return stored.text("certificate").flatMap(pem -> CertificateInfo.parse(service.name(), pem));
    }

    public Outcome ensure(VaultLayout.ServiceSpec service) {
        requireTls(service);
        KvSecret stored = session.readSecret(service.certPath());
        Optional<CertificateInfo> info = stored.text("certificate")
                .flatMap(pem -> CertificateInfo.parse(service.name(), pem));
        List<String> ips = VaultLayout.ipSans(service, catalog.get());
        // A certificate of the stack's earlier subnet (COLIMA_SERVICES_NET changed) is issued again.
        if (info.isPresent() && info.get().fresh(clock.instant()) && info.get().coversAddresses(ips)) {
            return new Outcome(info.get(), false);
        }
        Issued issued = issue(service, ips);
        try {
            session.writeSecret(service.certPath(), issued.fields(), stored.version());
        } catch (VaultSession.CasConflict e) {
            // Someone stored a certificate meanwhile (another bootstrap, a toggle): theirs is as good as ours.
            return new Outcome(current(service).orElse(issued.info()), false);
        }
        return new Outcome(issued.info(), true);
    }

    /**
     * Issues a new certificate whatever the stored one's state (renewing before expiry), and merges it into
     * {@code secret/certs/<service>}: the certificate's fields are replaced, every other field stays, written with
     * check-and-set on the version read; a concurrent writer makes it merge again from a fresh read, at most
     * {@value TlsToggle#MAX_ATTEMPTS} times. Issued once: the retries only merge.
     */
    public Outcome renew(VaultLayout.ServiceSpec service) {
        requireTls(service);
        Issued issued = issue(service, VaultLayout.ipSans(service, catalog.get()));
        for (int attempt = 1; attempt <= TlsToggle.MAX_ATTEMPTS; attempt++) {
            KvSecret stored = session.readSecret(service.certPath());
            Map<String, Object> merged = new LinkedHashMap<>(stored.data());
            merged.putAll(issued.fields());
            try {
                session.writeSecret(service.certPath(), merged, stored.version());
                return new Outcome(issued.info(), true);
            } catch (VaultSession.CasConflict e) {
                // Another writer (a toggle, a bootstrap) stored meanwhile: merge ours over theirs again.
            }
        }
        throw new UserError(UserError.Kind.VAULT, "secret/" + service.certPath() + " kept changing while the new "
                + "certificate was being stored (" + TlsToggle.MAX_ATTEMPTS + " attempts); nothing was overwritten",
                "try again");
    }

    /** A certificate just issued: the fields stored for it, and what it says. */
    private record Issued(Map<String, Object> fields, CertificateInfo info) {
    }

    private Issued issue(VaultLayout.ServiceSpec service, List<String> ips) {
        JsonNode data = session.write(VaultLayout.PKI_INT + "/issue/" + service.pkiRole(), issueRequest(service, ips),
                "issuing a certificate for " + service.name()).path("data");
        Map<String, Object> cert = new LinkedHashMap<>();
        cert.put("certificate", data.path("certificate").asText());
        cert.put("private_key", data.path("private_key").asText());
        cert.put("issuing_ca", data.path("issuing_ca").asText());
        List<String> chain = new ArrayList<>();
        data.path("ca_chain").forEach(c -> chain.add(c.asText()));
        cert.put("ca_chain", String.join("\n", chain));
        cert.put("serial_number", data.path("serial_number").asText());
        cert.put("expiration", data.path("expiration").asLong());
        CertificateInfo info = CertificateInfo.parse(service.name(), data.path("certificate").asText())
                .orElseThrow(() -> new UserError(UserError.Kind.VAULT, "Vault at " + session.address()
                        + " issued no readable certificate for " + service.name()));
        return new Issued(cert, info);
    }

    private static void requireTls(VaultLayout.ServiceSpec service) {
        if (!service.tls()) {
            throw new UserError(UserError.Kind.CONFIGURATION, service.name() + " has no TLS");
        }
    }

    static Map<String, Object> issueRequest(VaultLayout.ServiceSpec service, List<String> ipSans) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("common_name", service.name());
        body.put("alt_names", service.name() + ",dev-" + service.name() + ",localhost");
        body.put("ip_sans", String.join(",", ipSans));
        body.put("ttl", VaultLayout.CERT_TTL);
        return body;
    }
}
