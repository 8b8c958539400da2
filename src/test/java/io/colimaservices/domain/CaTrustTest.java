package io.colimaservices.domain;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The use case's decisions, with a trust store that records what it was asked. */
class CaTrustTest {
    private final CaFixtures ca = new CaFixtures();
    private final Path rootFile = Path.of("/runtime/ca/root-ca.pem");
    private final List<String> calls = new ArrayList<>();
    private TrustReport.Trust state = TrustReport.Trust.NOT_TRUSTED;
    private final List<String> exports = new ArrayList<>();

    private final TrustStore store = new TrustStore() {
        @Override
        public String description() {
            return "a store";
        }

        @Override
        public TrustReport status(CaCertificate root, Path file) {
            calls.add("status " + root.commonName() + " " + file);
            return report();
        }

        @Override
        public TrustReport trust(CaCertificate root, Path file) {
            calls.add("trust " + root.commonName() + " " + file);
            if (state != TrustReport.Trust.UNKNOWN) {
                state = TrustReport.Trust.TRUSTED;
            }
            return report();
        }

        @Override
        public TrustReport untrust(CaCertificate root, Path file) {
            calls.add("untrust " + root.commonName() + " " + file);
            if (state != TrustReport.Trust.UNKNOWN) {
                state = TrustReport.Trust.NOT_TRUSTED;
            }
            return report();
        }

        private TrustReport report() {
            return new TrustReport(state, "a store", state.label(), state == TrustReport.Trust.UNKNOWN
                    ? List.of("run this") : List.of());
        }
    };

    private final CaFiles files = new CaFiles() {
        @Override
        public Path rootFile(CaCertificate root) {
            return rootFile;
        }

        @Override
        public void export(CaChain chain, Path file, Format format, char[] storePassword) {
            exports.add(file + " " + format + " " + new String(storePassword) + " " + chain.certificates().size());
        }
    };

    private CaTrust caTrust(CaSource source) {
        return new CaTrust(source, store, files, Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC));
    }

    private CaTrust caTrust() {
        return caTrust(new CaSource() {
            @Override
            public CaChain chain() {
                return ca.chain();
            }

            @Override
            public String description() {
                return "Vault at test";
            }
        });
    }

    @Test
    void trustAsksTheStoreOnlyWhenTheRootIsNotTrustedYet() {
        CaTrust.Change first = caTrust().trust();
        assertThat(first.changed()).isTrue();
        assertThat(first.status().trust().trusted()).isTrue();
        assertThat(calls).containsExactly("status Test Root CA " + rootFile, "trust Test Root CA " + rootFile);

        calls.clear();
        CaTrust.Change again = caTrust().trust();
        assertThat(again.changed()).isFalse();
        assertThat(calls).as("no second dialog on macOS").containsExactly("status Test Root CA " + rootFile);
    }

    @Test
    void untrustAsksTheStoreOnlyWhenTheRootIsThere() {
        assertThat(caTrust().untrust().changed()).isFalse();
        assertThat(calls).containsExactly("status Test Root CA " + rootFile);
        state = TrustReport.Trust.TRUSTED;
        calls.clear();
        CaTrust.Change change = caTrust().untrust();
        assertThat(change.changed()).isTrue();
        assertThat(change.status().trust().trust()).isEqualTo(TrustReport.Trust.NOT_TRUSTED);
        assertThat(calls).containsExactly("status Test Root CA " + rootFile, "untrust Test Root CA " + rootFile);
    }

    @Test
    void aStoreThatCannotBeUsedHereChangesNothingAndGivesItsCommands() {
        state = TrustReport.Trust.UNKNOWN;
        CaTrust.Change trust = caTrust().trust();
        assertThat(trust.changed()).isFalse();
        assertThat(trust.status().trust().commands()).containsExactly("run this");
        assertThat(caTrust().untrust().status().trust().commands()).containsExactly("run this");
    }

    @Test
    void statusCarriesTheChainAndTheCaWindowExpiries() {
        CaStatus status = caTrust().status();
        assertThat(status.source()).isEqualTo("Vault at test");
        assertThat(status.chain().root()).isEqualTo(ca.root);
        assertThat(status.expiry(ca.root).level()).isEqualTo(CertificateExpiry.Level.OK);
        assertThat(status.watched()).extracting(ExpiryNotices.Watched::name)
                .containsExactly("CA Test Intermediate CA", "root CA Test Root CA");
    }

    @Test
    void exportUsesTheJdkConventionUnlessToldOtherwise() {
        caTrust().export(Path.of("a.p12"), CaFiles.Format.PKCS12, Optional.empty());
        caTrust().export(Path.of("b.jks"), CaFiles.Format.JKS, Optional.of("other"));
        assertThat(exports).containsExactly("a.p12 PKCS12 changeit 2", "b.jks JKS other 2");
    }

    @Test
    void aVaultThatCannotGiveTheCaStopsEveryAction() {
        CaTrust failing = caTrust(new CaSource() {
            @Override
            public CaChain chain() {
                throw new UserError(UserError.Kind.VAULT, "Vault at test is sealed");
            }

            @Override
            public String description() {
                return "Vault at test";
            }
        });
        assertThatThrownBy(failing::trust).isInstanceOf(UserError.class).hasMessageContaining("sealed");
        assertThatThrownBy(() -> failing.export(Path.of("x"), CaFiles.Format.PEM, Optional.empty()))
                .isInstanceOf(UserError.class);
        assertThat(calls).isEmpty();
        assertThat(exports).isEmpty();
    }
}
