package io.colimaservices.vault;

import io.colimaservices.domain.CertificateExpiry;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A service certificate's expiry, read from the PEM itself (the {@code expiration} field of the stored secret is
 * only a fallback), how urgent renewing it is, and the IP addresses it names (so a certificate issued for the
 * stack's earlier subnet is issued again).
 */
public record CertificateInfo(String service, Instant notAfter, String serial, Set<String> ipAddresses) {
    /** The subjectAltName type of an IP address (RFC 5280, 4.2.1.6), as {@code getSubjectAlternativeNames} gives it. */
    private static final int IP_ADDRESS_NAME = 7;

    public CertificateInfo {
        ipAddresses = Set.copyOf(ipAddresses);
    }

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
                    cert.getSerialNumber().toString(16), ipAddresses(cert)));
        } catch (CertificateException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private static Set<String> ipAddresses(X509Certificate cert) throws CertificateParsingException {
        Set<String> ips = new LinkedHashSet<>();
        Collection<List<?>> names = cert.getSubjectAlternativeNames();
        if (names != null) {
            for (List<?> name : names) {
                if (name.size() == 2 && name.get(0) instanceof Integer type && type == IP_ADDRESS_NAME
                        && name.get(1) instanceof String ip) {
                    ips.add(ip);
                }
            }
        }
        return ips;
    }

    /** Names every one of these IP addresses. */
    public boolean coversAddresses(Collection<String> wanted) {
        return ipAddresses.containsAll(wanted);
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
