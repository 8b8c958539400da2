package io.colimaservices.engine;

import io.colimaservices.domain.ServiceUsage;
import io.colimaservices.domain.StatsSampler;
import io.colimaservices.testing.ComposeProject;
import io.colimaservices.testing.LiveStack;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Usage figures from the real engine, and none once the sampler stops. */
class StatsSamplerIT {
    @Test
    void busyServiceShowsCpuAndMemory() {
        String compose = """
                services:
                  busy:
                    image: ${IMAGE}
                    network_mode: host
                    command: ["sh", "-c", "trap 'exit 0' TERM; while true; do :; done"]
                  quiet:
                    image: ${IMAGE}
                    network_mode: host
                    command: ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"]
                """;
        try (ComposeProject project = ComposeProject.create(compose);
             LiveStack live = new LiveStack(project, Optional.empty())) {
            project.up("busy", "quiet");
            live.watcher.relistNow();
            AtomicReference<Map<String, ServiceUsage>> last = new AtomicReference<>(Map.of());
            try (StatsSampler sampler = new StatsSampler(live.context.engine(), live.store, last::set)) {
                sampler.start();
                await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                    assertThat(last.get()).containsKeys("busy", "quiet");
                    assertThat(last.get().get("busy").cpuPercent()).isGreaterThan(20);
                    assertThat(last.get().get("quiet").cpuPercent()).isLessThan(20);
                    assertThat(last.get().get("busy").memoryBytes()).isPositive();
                });
                sampler.stop();
                assertThat(sampler.isRunning()).isFalse();
            }
        }
    }
}
