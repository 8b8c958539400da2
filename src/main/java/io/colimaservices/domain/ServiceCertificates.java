package io.colimaservices.domain;

import java.util.Optional;

/**
 * The services' TLS certificates where the stack keeps them (Vault: issued by {@code pki_int/}, stored in
 * {@code secret/certs/<service>}, rendered into each service by the {@code vault-agent}; docs/vault-contract.md).
 */
public interface ServiceCertificates {

    /** The stored certificate, if any. @throws UserError of kind CONFIGURATION when the service has no TLS */
    Optional<IssuedCertificate> current(String service);

    /**
     * Issues a new certificate and stores it, keeping every other field of where it is stored (a check-and-set
     * merge). The private key goes from the issuer to the store only.
     *
     * @throws UserError of kind CONFIGURATION when the service has no TLS, VAULT when Vault refuses
     */
    IssuedCertificate renew(String service);

    /**
     * Prepares the agent that renders secrets into the services to render again (fresh one-use credentials).
     *
     * @return the agent's compose service, which must restart to render
     */
    String rearmAgent();
}
