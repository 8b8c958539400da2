package io.colimaservices.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * When a service's certificate expires and how urgent renewing it is: warn at {@value #WARN_DAYS} days left,
 * critical at {@value #CRITICAL_DAYS} (docs/vault-contract.md, "TLS toggle").
 *
 * @param daysLeft whole days left at the time it was read (negative once expired)
 */
public record CertificateExpiry(Instant notAfter, long daysLeft, Level level) {
    public static final int WARN_DAYS = 30;
    public static final int CRITICAL_DAYS = 7;

    public enum Level {
        OK, WARN, CRITICAL, EXPIRED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public CertificateExpiry {
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(level, "level");
    }

    /** The expiry of a certificate valid until {@code notAfter}, seen at {@code now}. */
    public static CertificateExpiry of(Instant notAfter, Instant now) {
        long days = Duration.between(now, notAfter).toDays();
        Level level;
        if (!now.isBefore(notAfter)) {
            level = Level.EXPIRED;
        } else if (days <= CRITICAL_DAYS) {
            level = Level.CRITICAL;
        } else if (days <= WARN_DAYS) {
            level = Level.WARN;
        } else {
            level = Level.OK;
        }
        return new CertificateExpiry(notAfter, days, level);
    }

    /** In words, e.g. "expires in 12 days (renew soon)". */
    public String describe() {
        return switch (level) {
            case EXPIRED -> "expired on " + notAfter;
            case CRITICAL -> "expires in " + daysLeft + (daysLeft == 1 ? " day" : " days") + " (critical)";
            case WARN -> "expires in " + daysLeft + " days (renew soon)";
            case OK -> "valid for " + daysLeft + " more days";
        };
    }
}
