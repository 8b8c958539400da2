package io.colimaservices.vault;

import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.IssuedCertificate;
import io.colimaservices.domain.ServiceCertificates;
import io.colimaservices.domain.VaultServices;

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
    private final Supplier<Catalog> catalog;

    VaultServiceCertificates(VaultSession session, Clock clock, Supplier<Catalog> catalog, Path runtime) {
        this.issuer = new CertificateIssuer(session, clock, catalog);
        this.arming = new AgentArming(session, runtime, catalog);
        this.catalog = catalog;
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
        return VaultServices.AGENT;
    }

    private static IssuedCertificate issued(String service, CertificateInfo info) {
        return new IssuedCertificate(service, info.serial(), info.notAfter());
    }

    private VaultLayout.ServiceSpec spec(String service) {
        return VaultLayout.requireTls(catalog.get(), service, "has no TLS certificate to renew");
    }
}
