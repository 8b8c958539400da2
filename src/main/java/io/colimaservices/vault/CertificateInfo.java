package io.colimaservices.vault;

import io.colimaservices.domain.CertificateExpiry;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A service certificate's expiry, read from the PEM itself (the {@code expiration} field of the stored secret is
 * only a fallback), and how urgent renewing it is.
 */
public record CertificateInfo(String service, Instant notAfter, String serial) {
    public static final int WARN_DAYS = CertificateExpiry.WARN_DAYS;
    public static final int CRITICAL_DAYS = CertificateExpiry.CRITICAL_DAYS;

    public enum Level {
        OK, WARN, CRITICAL, EXPIRED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Reads the first certificate of {@code pem}; empty when there is none or it does not parse. */
    public static Optional<CertificateInfo> parse(String service, String pem) {
        if (pem == null || pem.isBlank()) {
            return Optional.empty();
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            X509Certificate cert = (X509Certificate) factory.generateCertificate(
                    new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            return Optional.of(new CertificateInfo(service, cert.getNotAfter().toInstant(),
                    cert.getSerialNumber().toString(16)));
        } catch (CertificateException | ClassCastException e) {
            return Optional.empty();
        }
    }

    /** Whole days left (negative once expired). */
    public long daysLeft(Instant now) {
        return Duration.between(now, notAfter).toDays();
    }

    public Level level(Instant now) {
        if (!now.isBefore(notAfter)) {
            return Level.EXPIRED;
        }
        long days = daysLeft(now);
        if (days <= CRITICAL_DAYS) {
            return Level.CRITICAL;
        }
        return days <= WARN_DAYS ? Level.WARN : Level.OK;
    }

    /** Good enough to keep: more than {@link #WARN_DAYS} days left (the contract renews below that). */
    public boolean fresh(Instant now) {
        return daysLeft(now) > WARN_DAYS;
    }

    /** The expiry as the faces show it (same thresholds as {@link #level}). */
    public CertificateExpiry expiry(Instant now) {
        return CertificateExpiry.of(notAfter, now);
    }

    public String describe(Instant now) {
        long days = daysLeft(now);
        return switch (level(now)) {
            case EXPIRED -> "certificate of " + service + " EXPIRED on " + notAfter;
            case CRITICAL -> "certificate of " + service + " expires in " + days + " days (critical)";
            case WARN -> "certificate of " + service + " expires in " + days + " days (renew soon)";
            case OK -> "certificate of " + service + " valid for " + days + " more days";
        };
    }
}
