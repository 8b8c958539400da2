package io.colimaservices.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CertificateRenewalTest {
    private final List<String> calls = new ArrayList<>();
    private final List<String> progress = new ArrayList<>();

    private final ServiceCertificates certificates = new ServiceCertificates() {
        @Override
        public Optional<IssuedCertificate> current(String service) {
            calls.add("current " + service);
            return Optional.of(new IssuedCertificate(service, "01", Instant.parse("2026-03-10T00:00:00Z")));
        }

        @Override
        public IssuedCertificate renew(String service) {
            calls.add("renew " + service);
            return new IssuedCertificate(service, "02", Instant.parse("2027-03-10T00:00:00Z"));
        }

        @Override
        public String rearmAgent() {
            calls.add("rearm");
            return "vault-agent";
        }
    };

    @Test
    void issuesThenRearmsThenRestartsTheAgentAndTheService() {
        RecordingRestarter restarter = new RecordingRestarter();
        CertificateRenewal.Report report = new CertificateRenewal(certificates, Optional.of(restarter), progress::add)
                .renew("postgres");
        assertThat(calls).containsExactly("current postgres", "renew postgres", "rearm");
        assertThat(restarter.restarted()).containsExactly("vault-agent", "postgres");
        assertThat(report.previous()).map(IssuedCertificate::serial).contains("01");
        assertThat(report.renewed().serial()).isEqualTo("02");
        assertThat(report.restarted()).containsExactly("vault-agent", "postgres");
        assertThat(report.manualStep()).isEmpty();
        assertThat(progress).containsExactly("issued a new certificate for postgres (serial 02)", "re-armed vault-agent",
                "restarting vault-agent and waiting until it is healthy",
                "restarting postgres and waiting until it is healthy");
    }

    @Test
    void withoutARestarterItSaysWhatToRestart() {
        CertificateRenewal.Report report = new CertificateRenewal(certificates, Optional.empty(), progress::add)
                .renew("mysql");
        assertThat(report.restarted()).isEmpty();
        assertThat(report.manualStep()).contains("docker compose restart vault-agent mysql");
    }

    @Test
    void aServiceThatDoesNotComeBackFailsAfterTheCertificateIsStored() {
        RecordingRestarter restarter = new RecordingRestarter("mongodb");
        CertificateRenewal renewal = new CertificateRenewal(certificates, Optional.of(restarter), progress::add);
        assertThatThrownBy(() -> renewal.renew("mongodb")).isInstanceOf(UserError.class)
                .extracting(e -> ((UserError) e).kind()).isEqualTo(UserError.Kind.SERVICE_FAILED);
        assertThat(calls).contains("renew mongodb", "rearm");
    }
}
