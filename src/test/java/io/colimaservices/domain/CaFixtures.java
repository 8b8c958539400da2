package io.colimaservices.domain;

import io.colimaservices.vault.TestPki;
import org.bouncycastle.asn1.x500.X500Name;

import java.security.KeyPair;
import java.time.Duration;
import java.util.List;

/** A real root and intermediate for domain tests (EC keys from the Vault double's {@link TestPki}). */
final class CaFixtures {
    final KeyPair rootKeys = TestPki.keyPair();
    final CaCertificate root = new CaCertificate(TestPki.selfSignedCa("Test Root CA", rootKeys, Duration.ofDays(3650)));
    final KeyPair intermediateKeys = TestPki.keyPair();
    final CaCertificate intermediate = new CaCertificate(TestPki.sign(new X500Name("CN=Test Intermediate CA"),
            intermediateKeys.getPublic(), new X500Name("CN=Test Root CA"), rootKeys, Duration.ofDays(1825), true,
            List.of(), List.of()));

    CaChain chain() {
        return new CaChain(List.of(intermediate, root));
    }

    /** Another root with the same name: an earlier Vault's. */
    static CaCertificate otherRoot(String name) {
        return new CaCertificate(TestPki.selfSignedCa(name, TestPki.keyPair(), Duration.ofDays(30)));
    }
}
