package io.colimaservices.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaChainTest {
    private final CaFixtures ca = new CaFixtures();

    @Test
    void assemblesIssuingCaFirstAndRootLastWhateverTheOrderAndDuplicates() {
        CaChain chain = CaChain.assemble(List.of(ca.intermediate, ca.intermediate, ca.root)).orElseThrow();
        assertThat(chain.certificates()).containsExactly(ca.intermediate, ca.root);
        assertThat(chain.root()).isEqualTo(ca.root);
        assertThat(chain.issuing()).isEqualTo(ca.intermediate);
        assertThat(CaCertificate.parseAll(chain.pem())).containsExactly(ca.intermediate, ca.root);
    }

    @Test
    void leavesOutCertificatesOffThePathAndARootAloneIsAChain() {
        CaCertificate stranger = CaFixtures.otherRoot("Test Root CA");
        assertThat(CaChain.assemble(List.of(ca.intermediate, stranger, ca.root)).orElseThrow().certificates())
                .as("same name, other key: not the issuer").containsExactly(ca.intermediate, ca.root);
        assertThat(CaChain.assemble(List.of(ca.root)).orElseThrow().certificates()).containsExactly(ca.root);
    }

    @Test
    void noRootNoChain() {
        assertThat(CaChain.assemble(List.of(ca.intermediate))).isEmpty();
        assertThat(CaChain.assemble(List.of())).isEmpty();
        assertThatThrownBy(() -> new CaChain(List.of(ca.intermediate))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void certificateFacts() {
        assertThat(ca.root.selfSigned()).isTrue();
        assertThat(ca.intermediate.selfSigned()).isFalse();
        assertThat(ca.intermediate.signedBy(ca.root)).isTrue();
        assertThat(ca.root.commonName()).isEqualTo("Test Root CA");
        assertThat(ca.root.subject()).isEqualTo("CN=Test Root CA");
        assertThat(ca.root.alias()).isEqualTo("test-root-ca");
        assertThat(ca.root.sha1()).matches("[0-9A-F]{40}");
        assertThat(ca.root.sha256()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(CaCertificate.parseAll(ca.root.pem())).containsExactly(ca.root);
        assertThatThrownBy(() -> CaCertificate.parseAll("-----BEGIN CERTIFICATE-----\nnot base64\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
