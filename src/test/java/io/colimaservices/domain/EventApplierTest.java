package io.colimaservices.domain;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.OptionalInt;

import static io.colimaservices.domain.Fixtures.running;
import static io.colimaservices.domain.Fixtures.smallStack;
import static io.colimaservices.domain.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

class EventApplierTest {
    private static ContainerEvent event(String service, String action, OptionalInt exit, HealthStatus health) {
        return new ContainerEvent("id-" + service, service, action, 1_764_237_600_000_000_000L, exit,
                Optional.ofNullable(health));
    }

    @Test
    void lifecycleOfAContainer() {
        StackSnapshot s = snapshot(smallStack());

        s = EventApplier.apply(s, event("vault", "create", OptionalInt.empty(), null));
        assertThat(s.status("vault").state()).isEqualTo(ContainerState.CREATED);
        s = EventApplier.apply(s, event("vault", "start", OptionalInt.empty(), null));
        assertThat(s.status("vault").state()).isEqualTo(ContainerState.RUNNING);
        assertThat(s.status("vault").health()).as("has a health check").isEqualTo(HealthStatus.STARTING);
        s = EventApplier.apply(s, event("vault", "health_status", OptionalInt.empty(), HealthStatus.HEALTHY));
        assertThat(s.status("vault").health()).isEqualTo(HealthStatus.HEALTHY);
        s = EventApplier.apply(s, event("vault", "oom", OptionalInt.empty(), null));
        s = EventApplier.apply(s, event("vault", "die", OptionalInt.of(137), null));
        assertThat(s.status("vault").state()).isEqualTo(ContainerState.EXITED);
        assertThat(s.status("vault").exitCode()).hasValue(137);
        assertThat(s.status("vault").oomKilled()).isTrue();
        s = EventApplier.apply(s, event("vault", "destroy", OptionalInt.empty(), null));
        assertThat(s.status("vault").state()).isEqualTo(ContainerState.ABSENT);
    }

    @Test
    void destroyOfAnOldContainerDoesNotHideTheNewOne() {
        StackSnapshot s = snapshot(smallStack(), running("vault", HealthStatus.HEALTHY));
        ContainerEvent oldGone = new ContainerEvent("old-id", "vault", "destroy", 1L, OptionalInt.empty(),
                Optional.empty());

        assertThat(EventApplier.apply(s, oldGone)).isSameAs(s);
    }

    @Test
    void anEventFromBeforeTheRunTheSnapshotHoldsChangesNothing() {
        long stoppedAt = 1_764_237_600_000_000_000L;
        java.time.Instant restartedAt = java.time.Instant.ofEpochSecond(0, stoppedAt).plusSeconds(2);
        ServiceStatus listed = new ServiceStatus("vault", Optional.of("id-vault"), ContainerState.RUNNING,
                HealthStatus.HEALTHY, OptionalInt.empty(), Optional.of(restartedAt), Optional.empty(),
                java.util.List.of(), false, Optional.empty(), Optional.empty());
        StackSnapshot s = snapshot(smallStack()).withService(listed);

        StackSnapshot late = EventApplier.apply(s, new ContainerEvent("id-vault", "vault", "die", stoppedAt,
                OptionalInt.of(0), Optional.empty()));

        assertThat(late.status("vault").state()).as("the stop's die, delivered after the restart was listed")
                .isEqualTo(ContainerState.RUNNING);
        assertThat(EventApplier.apply(s, new ContainerEvent("id-vault", "vault", "die",
                stoppedAt + 3_000_000_000L, OptionalInt.of(0), Optional.empty())).status("vault").state())
                .as("a die after the run's start still counts").isEqualTo(ContainerState.EXITED);
    }

    @Test
    void eventsOfUnknownServicesAreIgnored() {
        StackSnapshot s = snapshot(smallStack());

        assertThat(EventApplier.apply(s, event("stranger", "start", OptionalInt.empty(), null))).isSameAs(s);
    }

    @Test
    void pauseAndUnpauseKeepHealth() {
        StackSnapshot s = snapshot(smallStack(), running("vault", HealthStatus.HEALTHY));
        s = EventApplier.apply(s, event("vault", "pause", OptionalInt.empty(), null));
        assertThat(s.status("vault").state()).isEqualTo(ContainerState.PAUSED);
        s = EventApplier.apply(s, event("vault", "unpause", OptionalInt.empty(), null));
        assertThat(s.status("vault").state()).isEqualTo(ContainerState.RUNNING);
        assertThat(s.status("vault").health()).isEqualTo(HealthStatus.HEALTHY);
    }
}
