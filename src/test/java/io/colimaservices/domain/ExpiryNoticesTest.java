package io.colimaservices.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExpiryNoticesTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private static Instant inDays(long days) {
        return NOW.plus(Duration.ofDays(days)).plusSeconds(60);
    }

    @Test
    void oneNoticeWhenACertificateEntersTheWindowAndOneMoreEachTimeItGetsWorse() {
        ExpiryNotices.Watched postgres = ExpiryNotices.Watched.service("postgres", inDays(30));
        ExpiryNotices.Result first = ExpiryNotices.check(List.of(postgres), Map.of(), NOW);
        assertThat(first.notices()).hasSize(1);
        assertThat(first.notices().getFirst().text()).isEqualTo("certificate of postgres expires in 30 days "
                + "(renew soon)");
        assertThat(first.notices().getFirst().renewService()).contains("postgres");

        ExpiryNotices.Result sameDay = ExpiryNotices.check(List.of(postgres), first.notified(), NOW.plusSeconds(3600));
        assertThat(sameDay.notices()).as("still WARN: said already").isEmpty();

        ExpiryNotices.Result critical = ExpiryNotices.check(List.of(postgres), sameDay.notified(),
                NOW.plus(Duration.ofDays(23)));
        assertThat(critical.notices()).extracting(n -> n.expiry().level())
                .containsExactly(CertificateExpiry.Level.CRITICAL);
        ExpiryNotices.Result expired = ExpiryNotices.check(List.of(postgres), critical.notified(),
                NOW.plus(Duration.ofDays(31)));
        assertThat(expired.notices()).extracting(n -> n.expiry().level())
                .containsExactly(CertificateExpiry.Level.EXPIRED);
        assertThat(ExpiryNotices.check(List.of(postgres), expired.notified(), NOW.plus(Duration.ofDays(40)))
                .notices()).isEmpty();
    }

    @Test
    void aRenewedCertificateIsForgottenSoEnteringTheWindowAgainNotifiesAgain() {
        ExpiryNotices.Result warned = ExpiryNotices.check(List.of(ExpiryNotices.Watched.service("mysql", inDays(10))),
                Map.of(), NOW);
        ExpiryNotices.Watched renewed = ExpiryNotices.Watched.service("mysql", inDays(365));
        ExpiryNotices.Result quiet = ExpiryNotices.check(List.of(renewed), warned.notified(), NOW);
        assertThat(quiet.notices()).isEmpty();
        assertThat(quiet.notified()).isEmpty();
        assertThat(ExpiryNotices.check(List.of(renewed), quiet.notified(), NOW.plus(Duration.ofDays(340)))
                .notices()).hasSize(1);
    }

    @Test
    void theCaHasTheLongerWindowAndNoRenewAction() {
        CaFixtures ca = new CaFixtures();
        ExpiryNotices.Watched root = new ExpiryNotices.Watched("ca:root", "root CA Test Root CA", inDays(60),
                ExpiryWindow.CA, java.util.Optional.empty());
        ExpiryNotices.Watched service = ExpiryNotices.Watched.service("redis-1", inDays(60));
        ExpiryNotices.Result result = ExpiryNotices.check(List.of(root, service), Map.of(), NOW);
        assertThat(result.notices()).hasSize(1);
        assertThat(result.notices().getFirst().text()).isEqualTo("root CA Test Root CA expires in 60 days (renew soon)");
        assertThat(result.notices().getFirst().renewService()).isEmpty();
        assertThat(ExpiryNotices.Watched.ca(ca.root, true).window()).isEqualTo(ExpiryWindow.CA);
        assertThat(ExpiryNotices.Watched.ca(ca.root, true).name()).isEqualTo("root CA Test Root CA");
    }

    @Test
    void certificatesNoLongerWatchedAreDropped() {
        ExpiryNotices.Result warned = ExpiryNotices.check(List.of(ExpiryNotices.Watched.service("a", inDays(5)),
                ExpiryNotices.Watched.service("b", inDays(5))), Map.of(), NOW);
        assertThat(warned.notified()).containsOnlyKeys("service:a", "service:b");
        assertThat(ExpiryNotices.check(List.of(ExpiryNotices.Watched.service("a", inDays(5))), warned.notified(), NOW)
                .notified()).containsOnlyKeys("service:a");
    }

    @Test
    void windowLevelsAtTheirEdges() {
        ExpiryWindow window = ExpiryWindow.SERVICE;
        assertThat(window.expiry(inDays(31), NOW).level()).isEqualTo(CertificateExpiry.Level.OK);
        assertThat(window.expiry(inDays(30), NOW).level()).isEqualTo(CertificateExpiry.Level.WARN);
        assertThat(window.expiry(inDays(7), NOW).level()).isEqualTo(CertificateExpiry.Level.CRITICAL);
        assertThat(window.expiry(NOW, NOW).level()).isEqualTo(CertificateExpiry.Level.EXPIRED);
        for (int days = -1; days <= 40; days++) {
            assertThat(window.expiry(inDays(days), NOW)).as("the contract's window, %d days", days)
                    .isEqualTo(CertificateExpiry.of(inDays(days), NOW));
        }
        assertThat(ExpiryWindow.CA.expiry(inDays(90), NOW).level()).isEqualTo(CertificateExpiry.Level.WARN);
        assertThat(ExpiryWindow.CA.expiry(inDays(30), NOW).level()).isEqualTo(CertificateExpiry.Level.CRITICAL);
    }
}
