package io.colimaservices.domain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.colimaservices.domain.Fixtures.exited;
import static io.colimaservices.domain.Fixtures.running;
import static io.colimaservices.domain.Fixtures.smallStack;
import static io.colimaservices.domain.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

class StackSnapshotTest {

    @Test
    void listingMarksServicesWithoutContainerAbsentAndIgnoresStrangers() {
        StackSnapshot s = snapshot(smallStack(), running("vault", HealthStatus.HEALTHY), running("stranger",
                HealthStatus.NONE));

        assertThat(s.services().keySet()).containsExactly("vault", "postgres", "redis", "forgejo", "grafana");
        assertThat(s.status("vault").state()).isEqualTo(ContainerState.RUNNING);
        assertThat(s.status("postgres").state()).isEqualTo(ContainerState.ABSENT);
    }

    @Test
    void healthReadsInPriorityOrder() {
        Catalog c = smallStack();
        assertThat(snapshot(c).health()).isEqualTo(StackHealth.IDLE);
        assertThat(snapshot(c, running("vault", HealthStatus.HEALTHY)).health()).isEqualTo(StackHealth.HEALTHY);
        assertThat(snapshot(c, running("vault", HealthStatus.HEALTHY), running("redis", HealthStatus.STARTING))
                .health()).isEqualTo(StackHealth.DEGRADED);
        assertThat(snapshot(c, running("vault", HealthStatus.HEALTHY), exited("redis", 1)).health())
                .isEqualTo(StackHealth.DEGRADED);
        assertThat(snapshot(c, running("vault", HealthStatus.HEALTHY), exited("redis", 0)).health())
                .isEqualTo(StackHealth.HEALTHY);

        StackSnapshot sealed = snapshot(c, running("vault", HealthStatus.UNHEALTHY)).withVault(
                new VaultState("http://127.0.0.1:8200", VaultPhase.SEALED, 1, 3, 5, Optional.of("1.18.5"), false,
                        Optional.empty()));
        assertThat(sealed.health()).isEqualTo(StackHealth.VAULT_SEALED);
        assertThat(sealed.withBusy(Set.of("Starting data")).health()).isEqualTo(StackHealth.BUSY);
        assertThat(sealed.withEngine(EngineInfo.unreachable("unix:///x", "refused")).health())
                .isEqualTo(StackHealth.DOCKER_UNREACHABLE);
        assertThat(sealed.withVm(VmState.of("default", VmPhase.STOPPED)).health()).isEqualTo(StackHealth.VM_STOPPED);
    }

    @Test
    void groupSummaryCountsReadyAndFailing() {
        StackSnapshot s = snapshot(smallStack(), running("postgres", HealthStatus.HEALTHY),
                running("redis", HealthStatus.UNHEALTHY));

        GroupSummary data = s.summary(ServiceGroup.DATA);

        assertThat(data).isEqualTo(new GroupSummary(ServiceGroup.DATA, 2, 2, 1, 1));
        assertThat(data.describe()).isEqualTo("1/2 up, 1 failing");
        assertThat(s.summary(ServiceGroup.GIT).describe()).isEqualTo("stopped");
    }

    @Test
    void storeNotifiesOnlyOnChangeAndNeverLosesConcurrentUpdates() throws Exception {
        StackStore store = new StackStore(snapshot(smallStack()));
        List<StackSnapshot> heard = new ArrayList<>();
        store.subscribe(heard::add);

        store.update(s -> s);
        assertThat(heard).isEmpty();

        Thread[] writers = new Thread[8];
        for (int i = 0; i < writers.length; i++) {
            String busy = "op" + i;
            writers[i] = Thread.ofVirtual().start(() -> store.update(s -> {
                Set<String> next = new java.util.HashSet<>(s.busy());
                next.add(busy);
                return s.withBusy(next);
            }));
        }
        for (Thread t : writers) {
            t.join();
        }
        assertThat(store.current().busy()).hasSize(8);
    }

    @Test
    void targetsResolveGroupsAndServicesAndRejectUnknowns() {
        Catalog c = smallStack();

        assertThat(c.resolveTargets(List.of("data", "vault"))).containsExactly("vault", "postgres", "redis");
        assertThat(c.withDependencies(List.of("forgejo"))).containsExactly("vault", "postgres", "forgejo");
        assertThat(c.withDependents(List.of("vault"))).containsExactly("vault", "postgres", "redis", "forgejo");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.resolveTargets(List.of("dta")))
                .isInstanceOf(UserError.class).hasMessageContaining("unknown service or group 'dta'");
    }
}
