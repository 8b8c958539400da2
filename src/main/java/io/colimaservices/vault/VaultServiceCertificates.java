package io.colimaservices.vault;

import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.IssuedCertificate;
import io.colimaservices.domain.ServiceCertificates;
import io.colimaservices.domain.UserError;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The services' certificates in Vault, for renewing one: {@link CertificateIssuer} issues and merges, and
 * {@link AgentArming} gives the {@code vault-agent} fresh credentials so that its restart renders the new files.
 */
final class VaultServiceCertificates implements ServiceCertificates {
    private final CertificateIssuer issuer;
    private final AgentArming arming;

    VaultServiceCertificates(VaultSession session, Clock clock, Supplier<Catalog> catalog, Path runtime) {
        this.issuer = new CertificateIssuer(session, clock, catalog);
        this.arming = new AgentArming(session, runtime);
    }

    @Override
    public Optional<IssuedCertificate> current(String service) {
        return issuer.current(spec(service)).map(info -> issued(service, info));
    }

    @Override
    public IssuedCertificate renew(String service) {
        return issued(service, issuer.renew(spec(service)).certificate());
    }

    @Override
    public String rearmAgent() {
        arming.armAll();
        return TlsToggle.AGENT_SERVICE;
    }

    private static IssuedCertificate issued(String service, CertificateInfo info) {
        return new IssuedCertificate(service, info.serial(), info.notAfter());
    }

    private static VaultLayout.ServiceSpec spec(String service) {
        return VaultLayout.service(service).filter(VaultLayout.ServiceSpec::tls).orElseThrow(() -> new UserError(
                UserError.Kind.CONFIGURATION, service + " has no TLS certificate to renew", "TLS services: "
                + String.join(", ", VaultLayout.tlsServices().stream().map(VaultLayout.ServiceSpec::name).toList())));
    }
}
