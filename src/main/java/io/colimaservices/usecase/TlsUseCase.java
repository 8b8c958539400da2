package io.colimaservices.usecase;

import io.colimaservices.domain.IssuedCertificate;
import java.util.List;
import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.CertificateRenewal;
import io.colimaservices.domain.ServiceCertificates;
import io.colimaservices.domain.ServiceDefinition;
import io.colimaservices.domain.ServiceRestarter;
import io.colimaservices.domain.TlsReport;
import io.colimaservices.domain.TlsSwitch;
import io.colimaservices.domain.UserError;
import io.colimaservices.domain.VaultServices;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * TLS per service, for both faces ({@code tls SERVICE on|off|status|apply|renew}, the Credentials page's switch, the
 * menu's "Turn TLS On/Off"). The rule, settled here once: a service can switch TLS when the compose file gives it
 * both {@code io.colima-services.tls: "true"} and an {@code io.colima-services.vault-path} (the secret that carries
 * its {@code tls_enabled}); anything else is refused with the same message on both faces.
 */
public final class TlsUseCase {
    private final Supplier<Catalog> catalog;
    private final Supplier<TlsSwitch> tls;
    private final Supplier<ServiceCertificates> certificates;
    private final Supplier<Optional<ServiceRestarter>> restarter;
    private final ActionTrace trace;

    public TlsUseCase(Supplier<Catalog> catalog, Supplier<TlsSwitch> tls, Supplier<ServiceCertificates> certificates,
                      Supplier<Optional<ServiceRestarter>> restarter, ActionTrace trace) {
        this.catalog = catalog;
        this.tls = tls;
        this.certificates = certificates;
        this.restarter = restarter;
        this.trace = trace;
    }

    /** Whether the service may switch TLS (both labels). */
    public boolean switchable(ServiceDefinition service) {
        return VaultServices.tlsSwitchable(service);
    }

    /** The flag and the certificate as stored. */
    public TlsReport status(String service) {
        return tls.get().status(service, path(service));
    }

    /** Turns TLS on or off: merges the flag, issues a certificate when needed, restarts the agent and the service. */
    public TlsReport set(String service, boolean enabled, Consumer<String> progress) {
        String path = path(service);
        return trace.run("tls " + service + (enabled ? " on" : " off"), () -> tls.get().set(service, path, enabled, progress),
                TlsUseCase::outcome);
    }

    /** Restarts the agent and the service so that it runs with the flag Vault has (after a restart that failed). */
    public TlsReport apply(String service, Consumer<String> progress) {
        String path = path(service);
        return trace.run("tls " + service + " apply", () -> tls.get().reapply(service, path, progress), TlsUseCase::outcome);
    }

    /** A new certificate now, rendered, and the service restarted; its secret is left as it is. */
    public CertificateRenewal.Report renew(String service, Consumer<String> progress) {
        path(service);
        return trace.run("tls " + service + " renew",
                () -> new CertificateRenewal(certificates.get(), restarter.get(), progress).renew(service),
                r -> "new certificate " + r.renewed().serial() + (r.restarted().isEmpty() ? ""
                        : ", restarted " + String.join(", ", r.restarted())));
    }

    /** The services whose TLS can be switched and renewed, in the file's order. */
    public List<String> tlsServices() {
        return catalog.get().services().stream().filter(this::switchable).map(ServiceDefinition::name).toList();
    }

    /** The service's stored certificate (public facts only), if it has one. */
    public Optional<IssuedCertificate> certificate(String service) {
        path(service);
        return certificates.get().current(service);
    }

    private static String outcome(TlsReport report) {
        String restarts = report.restarted().isEmpty() ? "" : ", restarted " + String.join(", ", report.restarted());
        return report.headline() + (report.changed() ? "" : " (unchanged)") + restarts
                + report.restartProblem().map(p -> "; " + p).orElse("");
    }

    /**
     * The KV path of the service's own secret, once the rule holds.
     *
     * @throws UserError of kind CONFIGURATION naming what is missing and the services that can switch TLS
     */
    String path(String service) {
        Catalog stack = catalog.get();
        ServiceDefinition d = stack.service(service).orElseThrow(() -> new UserError(UserError.Kind.CONFIGURATION,
                "unknown service '" + service + "' in " + stack.source(), "TLS services: " + switchables(stack)));
        if (!switchable(d)) {
            throw new UserError(UserError.Kind.CONFIGURATION, service + " has no TLS to switch (it needs the labels "
                    + VaultServices.TLS_LABEL + ": \"true\" and " + VaultServices.VAULT_PATH_LABEL + " in "
                    + stack.source() + ")", "TLS services: " + switchables(stack));
        }
        return VaultServices.credentialPath(d).orElseThrow();
    }

    private String switchables(Catalog stack) {
        return String.join(", ", stack.services().stream().filter(this::switchable).map(ServiceDefinition::name)
                .toList());
    }
}
