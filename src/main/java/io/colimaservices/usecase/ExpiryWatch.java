package io.colimaservices.usecase;

import io.colimaservices.domain.CertificateExpiry;
import io.colimaservices.domain.ExpiryNotices;
import io.colimaservices.domain.UserError;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When a service certificate or one of the stack's CA certificates enters its warning window (issue 21): the app
 * asks it at start and then every few hours, and shows each notice with "Renew" where a service can be renewed.
 * {@link ExpiryNotices} decides; this keeps what was already told (in memory: a new app start tells again once) and
 * reads the certificates through the CA and TLS use cases. A Vault that cannot answer is not a notice: it is
 * skipped until it answers.
 */
public final class ExpiryWatch {
    private final CaUseCase ca;
    private final TlsUseCase tls;
    private final Clock clock;
    private Map<String, CertificateExpiry.Level> notified = new HashMap<>();

    public ExpiryWatch(CaUseCase ca, TlsUseCase tls, Clock clock) {
        this.ca = ca;
        this.tls = tls;
        this.clock = clock;
    }

    /** The certificates watched now: the CA chain and every TLS service's stored certificate. */
    public List<ExpiryNotices.Watched> watched() {
        List<ExpiryNotices.Watched> watched = new ArrayList<>();
        try {
            watched.addAll(ca.status().watched());
        } catch (UserError e) {
            // Vault sealed or down: nothing to tell about the CA until it answers.
        }
        for (String service : tls.tlsServices()) {
            try {
                tls.certificate(service).ifPresent(c -> watched.add(ExpiryNotices.Watched.service(service,
                        c.notAfter())));
            } catch (UserError e) {
                // The same: this service's certificate is looked at again next time.
            }
        }
        return watched;
    }

    /** The notices to show now (each certificate once per level it reaches). */
    public synchronized List<ExpiryNotices.Notice> check() {
        ExpiryNotices.Result result = ExpiryNotices.check(watched(), notified, clock.instant());
        notified = new HashMap<>(result.notified());
        return result.notices();
    }
}
