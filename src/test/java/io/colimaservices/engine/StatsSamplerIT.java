package io.colimaservices.engine;

import io.colimaservices.domain.ContainerStats;
import io.colimaservices.domain.FakeEngine;
import io.colimaservices.domain.ServiceUsage;
import io.colimaservices.domain.StatsSampler;
import io.colimaservices.testing.ComposeProject;
import io.colimaservices.testing.LiveStack;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Usage figures from the real engine, checked against the CPU time each container really used over the same
 * interval (its cgroup's counter, read by the test around every engine read), and none once the sampler stops.
 * No threshold of the host's share: on a loaded 2-core machine the busy loop gets whatever the scheduler gives it.
 */
class StatsSamplerIT {
    /** A reported figure and what the cgroup says the container used between the two readings it came from. */
    private record Check(String service, double reported, double lowest, double highest) {
    }

    /** One engine read, with the cgroup's CPU counter just before and just after it. */
    private record Read(long cgroupBefore, ContainerStats stats, long cgroupAfter) {
    }

    @Test
    void reportedCpuIsWhatTheContainersReallyUsedAndMemoryIsRead() {
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
            Map<String, List<Read>> reads = new ConcurrentHashMap<>();
            // The sampler reads through this engine: the real engine's answer, bracketed by the cgroup's counter.
            FakeEngine bracketing = new FakeEngine().onStats(id -> {
                long before = cgroupCpuNanos(id);
                ContainerStats stats = live.context.engine().stats(id);
                reads.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>())
                        .add(new Read(before, stats, cgroupCpuNanos(id)));
                return stats;
            });
            List<Check> checks = new CopyOnWriteArrayList<>();
            List<Map<String, ServiceUsage>> reports = new CopyOnWriteArrayList<>();
            try (StatsSampler sampler = new StatsSampler(bracketing, live.store, usage -> {
                reports.add(usage);
                usage.forEach((service, u) -> checks.add(check(service, u,
                        reads.get(live.store.current().status(service).containerId().orElseThrow()))));
            })) {
                sampler.start();
                await().atMost(Duration.ofSeconds(30)).until(() -> checks.stream()
                        .filter(c -> c.service().equals("busy")).count() >= 3);
                sampler.stop();
                assertThat(sampler.isRunning()).isFalse();
            }

            for (Check c : new ArrayList<>(checks)) {
                // 2 points for the daemon's system counter, read from /proc/stat in 10 ms ticks.
                assertThat(c.reported()).as("%s's CPU %% (the cgroup says %.1f to %.1f)", c.service(), c.lowest(),
                        c.highest()).isBetween(c.lowest() - 2, c.highest() + 2);
            }
            assertThat(checks).filteredOn(c -> c.service().equals("busy"))
                    .as("the busy loop ran between the readings").allMatch(c -> c.lowest() > 0);
            assertThat(reports.getLast()).containsKeys("busy", "quiet");
            assertThat(reports.getLast().get("busy").memoryBytes()).isPositive();
        }
    }

    /**
     * The reported figure against the cgroup: the daemon read the counter somewhere inside each engine call, so
     * what the container used between its two readings lies between the counter's growth from the end of the first
     * call to the start of the second, and from the start of the first to the end of the second; as a share of
     * one core over the time between the daemon's two readings.
     */
    private static Check check(String service, ServiceUsage usage, List<Read> reads) {
        Read first = reads.get(reads.size() - 2);
        Read second = reads.getLast();
        double wallNanos = Duration.between(first.stats().read(), second.stats().read()).toNanos();
        return new Check(service, usage.cpuPercent(),
                100.0 * (second.cgroupBefore() - first.cgroupAfter()) / wallNanos,
                100.0 * (second.cgroupAfter() - first.cgroupBefore()) / wallNanos);
    }

    /** The container's CPU time so far, from its cgroup (v1 cpuacct with the cgroupfs or systemd driver, or v2). */
    private static long cgroupCpuNanos(String id) {
        try {
            for (String v1 : List.of("cpuacct/docker/" + id, "cpu,cpuacct/docker/" + id,
                    "cpuacct/system.slice/docker-" + id + ".scope")) {
                Path usage = Path.of("/sys/fs/cgroup", v1, "cpuacct.usage");
                if (Files.exists(usage)) {
                    return Long.parseLong(Files.readString(usage).trim());
                }
            }
            for (String v2 : List.of("docker/" + id, "system.slice/docker-" + id + ".scope")) {
                Path stat = Path.of("/sys/fs/cgroup", v2, "cpu.stat");
                if (Files.exists(stat)) {
                    return Files.readAllLines(stat).stream().filter(l -> l.startsWith("usage_usec "))
                            .mapToLong(l -> Long.parseLong(l.substring("usage_usec ".length())) * 1_000)
                            .findFirst().orElseThrow();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no cgroup CPU counter found for container " + id + " under /sys/fs/cgroup");
    }
}
