package io.colimaservices.ui.credentials;

import io.colimaservices.domain.CaCertificate;
import io.colimaservices.domain.CaChain;
import io.colimaservices.domain.CaFiles;
import io.colimaservices.domain.CaSource;
import io.colimaservices.domain.CaTrust;
import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.CertificateExpiry;
import io.colimaservices.domain.ExpiryNotices;
import io.colimaservices.domain.IssuedCertificate;
import io.colimaservices.domain.RecordingRestarter;
import io.colimaservices.domain.ServiceCertificates;
import io.colimaservices.domain.ServiceDefinition;
import io.colimaservices.domain.ServiceGroup;
import io.colimaservices.domain.TlsCapability;
import io.colimaservices.domain.TrustReport;
import io.colimaservices.domain.TrustStore;
import io.colimaservices.domain.UserError;
import io.colimaservices.ui.common.Notice;
import io.colimaservices.ui.common.UiExecutors;
import io.colimaservices.usecase.ActionTrace;
import io.colimaservices.usecase.CaUseCase;
import io.colimaservices.usecase.ExpiryWatch;
import io.colimaservices.usecase.TlsUseCase;
import io.colimaservices.vault.TestPki;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.colimaservices.domain.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Credentials page's CA panel and the expiry notices (issue 21) over the real CA and TLS use cases on fakes of
 * their ports: a trust store that records, stored certificates with chosen expiries, a restarter.
 */
class CaTrustViewModelTest {
    private static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final List<String> storeCalls = new ArrayList<>();
    private TrustReport.Trust trusted = TrustReport.Trust.NOT_TRUSTED;
    private final Map<String, IssuedCertificate> stored = new HashMap<>();
    private final RecordingRestarter restarter = new RecordingRestarter();
    private boolean vaultSealed;

    private final Catalog catalog = new Catalog(Path.of("/stack/docker-compose.yml"), List.of(
            tlsService("postgres"), tlsService("mysql"), service("grafana", ServiceGroup.OBSERVABILITY)));

    private static ServiceDefinition tlsService(String name) {
        ServiceDefinition p = service(name, ServiceGroup.DATA);
        return new ServiceDefinition(p.name(), p.group(), p.image(), p.ports(), p.dependsOn(), p.hasHealthCheck(),
                p.webUiUrl(), Optional.of("secret/" + name), new TlsCapability(true, List.of()), p.connection(),
                p.description(), p.profiles(), p.line(), false, false, Map.of(), List.of());
    }

    private CaUseCase ca() {
        KeyPair rootKeys = TestPki.keyPair();
        CaChain chain = new CaChain(List.of(new CaCertificate(TestPki.selfSignedCa("Colima Services Root CA",
                rootKeys, Duration.ofDays(3650)))));
        CaSource source = new CaSource() {
            @Override
            public CaChain chain() {
                if (vaultSealed) {
                    throw new UserError(UserError.Kind.VAULT, "Vault at http://127.0.0.1:8200 is sealed");
                }
                return chain;
            }

            @Override
            public String description() {
                return "Vault's PKI";
            }
        };
        TrustStore store = new TrustStore() {
            @Override
            public String description() {
                return "the NSS database";
            }

            @Override
            public TrustReport status(CaCertificate root, Path file) {
                storeCalls.add("status");
                return report();
            }

            @Override
            public TrustReport trust(CaCertificate root, Path file) {
                storeCalls.add("trust");
                trusted = TrustReport.Trust.TRUSTED;
                return report();
            }

            @Override
            public TrustReport untrust(CaCertificate root, Path file) {
                storeCalls.add("untrust");
                trusted = TrustReport.Trust.NOT_TRUSTED;
                return report();
            }

            private TrustReport report() {
                return new TrustReport(trusted, "the NSS database", trusted.label(), List.of());
            }
        };
        CaFiles files = new CaFiles() {
            @Override
            public Path rootFile(CaCertificate root) {
                return Path.of("/runtime/ca/root-ca.pem");
            }

            @Override
            public void export(CaChain chain, Path file, Format format, char[] storePassword) {
            }
        };
        return new CaUseCase(() -> new CaTrust(source, store, files, clock), ActionTrace.NONE);
    }

    private TlsUseCase tls() {
        ServiceCertificates certificates = new ServiceCertificates() {
            @Override
            public Optional<IssuedCertificate> current(String service) {
                return Optional.ofNullable(stored.get(service));
            }

            @Override
            public IssuedCertificate renew(String service) {
                IssuedCertificate renewed = new IssuedCertificate(service, "new-serial", NOW.plus(Duration.ofDays(365)));
                stored.put(service, renewed);
                return renewed;
            }

            @Override
            public String rearmAgent() {
                return "vault-agent";
            }
        };
        return new TlsUseCase(() -> catalog, () -> null, () -> certificates, () -> Optional.of(restarter),
                ActionTrace.NONE);
    }

    CaTrustViewModel model() {
        return new CaTrustViewModel(ca(), tls(), UiExecutors.direct(), UiExecutors.direct(), clock);
    }

    @Test
    void showsWhetherTheCaIsTrustedAndTrustsAndUntrustsIt() {
        CaTrustViewModel model = model();
        model.refresh();
        assertThat(model.trustProperty().get()).isEqualTo(TrustReport.Trust.NOT_TRUSTED);
        assertThat(model.trustTextProperty().get()).startsWith("The stack's CA is not trusted on this computer");

        model.trust();
        assertThat(model.trustProperty().get()).isEqualTo(TrustReport.Trust.TRUSTED);
        assertThat(model.trustTextProperty().get()).isEqualTo("The stack's CA is trusted in the NSS database.");
        assertThat(storeCalls).containsSubsequence("status", "trust");

        model.untrust();
        assertThat(model.trustProperty().get()).isEqualTo(TrustReport.Trust.NOT_TRUSTED);
        assertThat(storeCalls).endsWith("untrust");
        assertThat(model.noticeProperty().get()).isNull();
    }

    @Test
    void aSealedVaultIsSaidAndNothingIsOfferedToTrust() {
        vaultSealed = true;
        CaTrustViewModel model = model();
        model.refresh();
        assertThat(model.trustProperty().get()).isNull();
        assertThat(model.trustTextProperty().get()).isEqualTo("The stack's CA cannot be read: Vault at "
                + "http://127.0.0.1:8200 is sealed");
        assertThat(storeCalls).isEmpty();
    }

    @Test
    void eachTlsServiceShowsItsExpiryAndRenewReplacesItsCertificateAndRestarts() {
        stored.put("postgres", new IssuedCertificate("postgres", "old", NOW.plus(Duration.ofDays(5))));
        CaTrustViewModel model = model();
        model.refresh();
        assertThat(model.certificates()).extracting(CaTrustViewModel.CertificateRow::service)
                .containsExactly("postgres", "mysql");
        CaTrustViewModel.CertificateRow postgres = model.certificates().getFirst();
        assertThat(postgres.level()).contains(CertificateExpiry.Level.CRITICAL);
        assertThat(model.certificates().get(1).expiry()).isEqualTo("no certificate yet");

        model.renew("postgres");

        assertThat(stored.get("postgres").serial()).isEqualTo("new-serial");
        assertThat(restarter.restarted()).containsExactly("vault-agent", "postgres");
        assertThat(model.noticeProperty().get().tone()).isEqualTo(Notice.Tone.SUCCESS);
        assertThat(model.certificates().getFirst().level()).contains(CertificateExpiry.Level.OK);
    }

    @Test
    void expiryNoticesComeOnceWhenACertificateEntersItsWindowWithRenewForAService() {
        stored.put("postgres", new IssuedCertificate("postgres", "old", NOW.plus(Duration.ofDays(20))));
        stored.put("mysql", new IssuedCertificate("mysql", "ok", NOW.plus(Duration.ofDays(200))));
        ExpiryWatch watch = new ExpiryWatch(ca(), tls(), clock);

        List<ExpiryNotices.Notice> first = watch.check();
        assertThat(first).singleElement().satisfies(n -> {
            assertThat(n.renewService()).contains("postgres");
            assertThat(n.expiry().level()).isEqualTo(CertificateExpiry.Level.WARN);
            assertThat(n.text()).startsWith("certificate of postgres");
        });
        assertThat(watch.check()).as("told once per level").isEmpty();

        vaultSealed = true;
        assertThat(watch.check()).as("a sealed Vault is no notice").isEmpty();
    }
}
