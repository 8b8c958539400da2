package io.colimaservices.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The stack's CA chain as clients need it: the issuing CA first (the intermediate that signs service
 * certificates), then each CA above it, ending with the self-signed root that a trust store trusts.
 */
public record CaChain(List<CaCertificate> certificates) {

    public CaChain {
        certificates = List.copyOf(certificates);
        if (certificates.isEmpty() || !certificates.getLast().selfSigned()) {
            throw new IllegalArgumentException("a CA chain ends with a self-signed root");
        }
    }

    /**
     * The chain that starts at the first of {@code found} and follows each certificate to the one that signed it,
     * among {@code found} (duplicates and unrelated certificates are left out), until a self-signed root.
     *
     * @return empty when the certificates found do not lead to a root
     */
    public static Optional<CaChain> assemble(List<CaCertificate> found) {
        List<CaCertificate> pool = new ArrayList<>(new LinkedHashSet<>(found));
        if (pool.isEmpty()) {
            return Optional.empty();
        }
        List<CaCertificate> chain = new ArrayList<>();
        CaCertificate current = pool.removeFirst();
        chain.add(current);
        while (!current.selfSigned()) {
            CaCertificate child = current;
            Optional<CaCertificate> issuer = pool.stream().filter(child::signedBy).findFirst();
            if (issuer.isEmpty()) {
                return Optional.empty();
            }
            current = issuer.get();
            pool.remove(current);
            chain.add(current);
        }
        return Optional.of(new CaChain(chain));
    }

    /** The self-signed root: what a trust store trusts. */
    public CaCertificate root() {
        return certificates.getLast();
    }

    /** The CA that signs the services' certificates (the root itself when there is no intermediate). */
    public CaCertificate issuing() {
        return certificates.getFirst();
    }

    /** Every certificate in PEM, issuing CA first, root last: a CA file for {@code sslrootcert}, curl, openssl. */
    public String pem() {
        StringBuilder text = new StringBuilder();
        certificates.forEach(c -> text.append(c.pem()));
        return text.toString();
    }
}
