package io.colimaservices.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The stack's CA as both faces show it: the chain from Vault, whether this computer trusts its root, and when each
 * CA certificate expires (by {@link ExpiryWindow#CA}).
 *
 * @param source where the chain was read ("Vault at ...")
 * @param at     when it was read
 */
public record CaStatus(String source, CaChain chain, TrustReport trust, Instant at) {

    public CaStatus {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(at, "at");
    }

    public CertificateExpiry expiry(CaCertificate certificate) {
        return ExpiryWindow.CA.expiry(certificate.notAfter(), at);
    }

    /** The chain's certificates for {@link ExpiryNotices#check}. */
    public List<ExpiryNotices.Watched> watched() {
        List<ExpiryNotices.Watched> watched = new ArrayList<>();
        for (CaCertificate certificate : chain.certificates()) {
            watched.add(ExpiryNotices.Watched.ca(certificate, certificate.equals(chain.root())));
        }
        return watched;
    }
}
