package io.colimaservices.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides which certificates to tell the user about: one notice when a certificate enters its warning window, one
 * more each time it gets worse (critical, expired), none while it stays where it was. A certificate back out of the
 * window (renewed) is forgotten, so entering it again notifies again. A pure function: the caller keeps what was
 * notified (in memory, or in settings) and passes it back in.
 */
public final class ExpiryNotices {

    private ExpiryNotices() {
    }

    /**
     * A certificate to watch.
     *
     * @param id           stable key, e.g. {@code service:postgres} or {@code ca:root}
     * @param renewService the service whose certificate {@code tls SERVICE renew} replaces; empty for the CA (which
     *                     cannot be renewed from the app)
     */
    public record Watched(String id, String name, Instant notAfter, ExpiryWindow window,
                          Optional<String> renewService) {
        public Watched {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(notAfter, "notAfter");
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(renewService, "renewService");
        }

        public static Watched service(String service, Instant notAfter) {
            return new Watched("service:" + service, "certificate of " + service, notAfter, ExpiryWindow.SERVICE,
                    Optional.of(service));
        }

        public static Watched ca(CaCertificate certificate, boolean root) {
            return new Watched("ca:" + certificate.sha1(), (root ? "root CA " : "CA ") + certificate.commonName(),
                    certificate.notAfter(), ExpiryWindow.CA, Optional.empty());
        }
    }

    /** One notice: what, how urgent, and the service to renew ("Renew" button) when it can be renewed. */
    public record Notice(Watched certificate, CertificateExpiry expiry) {
        public String text() {
            return certificate.name() + " " + expiry.describe();
        }

        public Optional<String> renewService() {
            return certificate.renewService();
        }
    }

    /** The notices due now, and the levels to pass back in next time. */
    public record Result(List<Notice> notices, Map<String, CertificateExpiry.Level> notified) {
        public Result {
            notices = List.copyOf(notices);
            notified = Map.copyOf(notified);
        }
    }

    public static Result check(List<Watched> watched, Map<String, CertificateExpiry.Level> notified, Instant now) {
        List<Notice> notices = new ArrayList<>();
        Map<String, CertificateExpiry.Level> next = new LinkedHashMap<>();
        for (Watched certificate : watched) {
            CertificateExpiry expiry = certificate.window().expiry(certificate.notAfter(), now);
            if (expiry.level() == CertificateExpiry.Level.OK) {
                continue;
            }
            CertificateExpiry.Level before = notified.get(certificate.id());
            if (before == null || expiry.level().compareTo(before) > 0) {
                notices.add(new Notice(certificate, expiry));
            }
            next.put(certificate.id(), expiry.level());
        }
        return new Result(notices, next);
    }
}
