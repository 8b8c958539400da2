package io.colimaservices.domain;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static io.colimaservices.domain.Fixtures.exited;
import static io.colimaservices.domain.Fixtures.running;
import static io.colimaservices.domain.Fixtures.smallStack;
import static io.colimaservices.domain.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

class AlertPolicyTest {
    private Instant now = Instant.parse("2026-11-27T12:00:00Z");
    private final Clock clock = new Clock() {
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return now;
        }
    };
    private final StopLedger ledger = new StopLedger(clock);
    private final AlertPolicy policy = new AlertPolicy(ledger, clock);

    private List<Alert> change(ServiceStatus before, ServiceStatus after) {
        return policy.changes(snapshot(smallStack(), before), snapshot(smallStack(), after));
    }

    @Test
    void turningUnhealthyAlertsWithTheHealthCheckOutput() {
        ServiceStatus sick = new ServiceStatus("redis", Optional.of("id"), ContainerState.RUNNING,
                HealthStatus.UNHEALTHY, OptionalInt.empty(), Optional.empty(), Optional.empty(), List.of(), false,
                Optional.of("Could not connect to Redis at 127.0.0.1:6379\nmore"));

        List<Alert> alerts = change(running("redis", HealthStatus.HEALTHY), sick);

        assertThat(alerts).containsExactly(new Alert("redis", Alert.Kind.UNHEALTHY,
                "Health check: Could not connect to Redis at 127.0.0.1:6379"));
        assertThat(alerts.getFirst().title()).isEqualTo("redis is unhealthy");
    }

    @Test
    void dyingWithACodeAlertsButNotFromOurOwnStop() {
        assertThat(change(running("redis", HealthStatus.NONE), exited("redis", 1)))
                .extracting(Alert::kind).containsExactly(Alert.Kind.DIED);
        assertThat(change(running("vault", HealthStatus.NONE), exited("vault", 0))).isEmpty();

        ledger.stopping("postgres");
        assertThat(change(running("postgres", HealthStatus.NONE), exited("postgres", 143))).isEmpty();
        assertThat(change(running("grafana", HealthStatus.NONE), exited("grafana", 137)))
                .as("a kill we did not make").hasSize(1);
    }

    @Test
    void aServiceARecoveryIsBringingBackCrashesWithoutAnAlert() {
        AlertPolicy recovering = new AlertPolicy(ledger, clock, "postgres"::equals);

        assertThat(recovering.changes(snapshot(smallStack(), running("postgres", HealthStatus.NONE)),
                snapshot(smallStack(), exited("postgres", 1)))).isEmpty();
        assertThat(recovering.changes(snapshot(smallStack(), running("redis", HealthStatus.NONE)),
                snapshot(smallStack(), exited("redis", 1)))).hasSize(1);
        assertThat(new Alert("postgres", Alert.Kind.RECOVERY_FAILED, "x").title())
                .isEqualTo("Could not bring postgres back");
    }

    @Test
    void outOfMemoryAlertsEvenWithTheKillCode() {
        ledger.stopping("forgejo");
        ServiceStatus killed = new ServiceStatus("forgejo", Optional.of("id"), ContainerState.EXITED,
                HealthStatus.NONE, OptionalInt.of(137), Optional.empty(), Optional.empty(), List.of(), true,
                Optional.empty());

        assertThat(change(running("forgejo", HealthStatus.HEALTHY), killed))
                .containsExactly(new Alert("forgejo", Alert.Kind.OUT_OF_MEMORY,
                        "The kernel killed it for using too much memory. Exit code 137."));
    }

    @Test
    void oneAlertPerServicePerTenMinutes() {
        assertThat(change(running("redis", HealthStatus.NONE), exited("redis", 1))).hasSize(1);
        now = now.plus(Duration.ofMinutes(9));
        assertThat(change(running("redis", HealthStatus.NONE), exited("redis", 1))).isEmpty();
        assertThat(change(running("vault", HealthStatus.NONE), exited("vault", 2))).hasSize(1);
        now = now.plus(Duration.ofMinutes(2));
        assertThat(change(running("redis", HealthStatus.NONE), exited("redis", 1))).hasSize(1);
    }

    @Test
    void nothingWhileDockerIsUnreachable() {
        StackSnapshot before = snapshot(smallStack(), running("redis", HealthStatus.NONE));
        StackSnapshot after = snapshot(smallStack(), exited("redis", 1))
                .withEngine(EngineInfo.unreachable("unix:///x", "gone"));

        assertThat(policy.changes(before, after)).isEmpty();
    }
}
