package io.colimaservices.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When a certificate is due for renewal: {@code warnDays} or fewer days left is {@code WARN}, {@code criticalDays}
 * or fewer {@code CRITICAL}, none {@code EXPIRED}. Service certificates use the contract's 30/7 days; the CA gets a
 * longer window because a new CA must be trusted again by every client.
 */
public record ExpiryWindow(int warnDays, int criticalDays) {
    public static final ExpiryWindow SERVICE = new ExpiryWindow(CertificateExpiry.WARN_DAYS,
            CertificateExpiry.CRITICAL_DAYS);
    public static final ExpiryWindow CA = new ExpiryWindow(90, 30);

    public ExpiryWindow {
        if (criticalDays < 0 || warnDays < criticalDays) {
            throw new IllegalArgumentException("0 <= criticalDays <= warnDays");
        }
    }

    /** The expiry of a certificate valid until {@code notAfter}, seen at {@code now}, by this window. */
    public CertificateExpiry expiry(Instant notAfter, Instant now) {
        long days = Duration.between(now, notAfter).toDays();
        CertificateExpiry.Level level;
        if (!now.isBefore(notAfter)) {
            level = CertificateExpiry.Level.EXPIRED;
        } else if (days <= criticalDays) {
            level = CertificateExpiry.Level.CRITICAL;
        } else if (days <= warnDays) {
            level = CertificateExpiry.Level.WARN;
        } else {
            level = CertificateExpiry.Level.OK;
        }
        return new CertificateExpiry(notAfter, days, level);
    }
}
