package io.colimaservices.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Renews one service's TLS certificate before it expires, for both faces ({@code tls SERVICE renew}, the renew
 * button where the expiry shows): issue a new certificate, have the agent render it (re-arm, restart the agent),
 * then restart the service so it reads the new files. The service's own secret (passwords, {@code tls_enabled}) is
 * not touched. Progress lines name steps and services, never a value.
 */
public final class CertificateRenewal {
    public static final Duration RESTART_DEADLINE = Duration.ofMinutes(3);

    private final ServiceCertificates certificates;
    private final Optional<ServiceRestarter> restarter;
    private final Consumer<String> progress;

    /**
     * @param restarted  services restarted, in order; empty when no restarter is wired (then {@code manualStep}
     *                   says what to run)
     */
    public record Report(String service, Optional<IssuedCertificate> previous, IssuedCertificate renewed,
                         List<String> restarted, Optional<String> manualStep) {
        public Report {
            restarted = List.copyOf(restarted);
        }
    }

    public CertificateRenewal(ServiceCertificates certificates, Optional<ServiceRestarter> restarter,
                              Consumer<String> progress) {
        this.certificates = Objects.requireNonNull(certificates);
        this.restarter = Objects.requireNonNull(restarter);
        this.progress = Objects.requireNonNull(progress);
    }

    /**
     * @throws UserError of kind CONFIGURATION (no TLS), VAULT (Vault refused) or SERVICE_FAILED (a restart did not
     *                   become healthy in {@link #RESTART_DEADLINE}); the new certificate stays stored either way
     */
    public Report renew(String service) {
        Optional<IssuedCertificate> previous = certificates.current(service);
        IssuedCertificate renewed = certificates.renew(service);
        progress.accept("issued a new certificate for " + service + " (serial " + renewed.serial() + ")");
        String agent = certificates.rearmAgent();
        progress.accept("re-armed " + agent);
        List<String> restarted = new ArrayList<>();
        Optional<String> manual = Optional.empty();
        if (restarter.isPresent()) {
            for (String name : List.of(agent, service)) {
                progress.accept("restarting " + name + " and waiting until it is healthy");
                restarter.get().restartAndWait(name, RESTART_DEADLINE);
                restarted.add(name);
            }
        } else {
            manual = Optional.of("docker compose restart " + agent + " " + service);
        }
        return new Report(service, previous, renewed, restarted, manual);
    }
}
