package io.colimaservices.domain;

import java.time.Instant;
import java.util.Objects;

/** A service's TLS certificate as stored (public facts only: never the key). */
public record IssuedCertificate(String service, String serial, Instant notAfter) {
    public IssuedCertificate {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(notAfter, "notAfter");
    }

    public CertificateExpiry expiry(Instant now) {
        return ExpiryWindow.SERVICE.expiry(notAfter, now);
    }
}
