package io.colimaservices.ui.dashboard;

import io.colimaservices.domain.EngineInfo;
import io.colimaservices.domain.HealthStatus;
import io.colimaservices.domain.StatusText;
import io.colimaservices.ui.common.UiExecutors;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static io.colimaservices.domain.Fixtures.exited;
import static io.colimaservices.domain.Fixtures.running;
import static io.colimaservices.domain.Fixtures.smallStack;
import static io.colimaservices.domain.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

/** The ViewModel without a toolkit: a synchronous executor applies snapshots at once. */
class DashboardViewModelTest {
    private final DashboardViewModel model = new DashboardViewModel(UiExecutors.direct(),
            Clock.fixed(Instant.parse("2026-11-27T12:30:00Z"), ZoneOffset.UTC));

    @Test
    void rowsFollowTheCatalogWithStateInWords() {
        model.show(snapshot(smallStack(), running("vault", HealthStatus.HEALTHY), exited("redis", 2)));

        assertThat(model.rows()).extracting(ServiceRow::name)
                .containsExactly("vault", "postgres", "redis", "forgejo", "grafana");
        ServiceRow vault = model.rows().getFirst();
        assertThat(vault.state()).isEqualTo("healthy");
        assertThat(vault.tone()).isEqualTo(StatusText.Tone.OK);
        assertThat(vault.uptime()).isEqualTo("2h 30m");
        assertThat(model.rows().get(2).state()).isEqualTo("exited (2)");
        assertThat(model.rows().get(2).tone()).isEqualTo(StatusText.Tone.BAD);
        assertThat(model.engineLineProperty().get()).isEqualTo("Docker 28.0.1 at unix:///var/run/docker.sock");
        assertThat(model.problemProperty().get()).isEmpty();
    }

    @Test
    void unreachableEngineShowsTheReason() {
        model.show(snapshot(smallStack()).withEngine(EngineInfo.unreachable("unix:///x.sock", "connection refused")));

        assertThat(model.engineLineProperty().get()).isEqualTo("Docker unreachable at unix:///x.sock");
        assertThat(model.problemProperty().get()).isEqualTo("connection refused");
    }
}
