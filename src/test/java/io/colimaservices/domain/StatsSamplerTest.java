package io.colimaservices.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.colimaservices.domain.Fixtures.exited;
import static io.colimaservices.domain.Fixtures.running;
import static io.colimaservices.domain.Fixtures.smallStack;
import static io.colimaservices.domain.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

class StatsSamplerTest {
    private final List<Map<String, ServiceUsage>> reports = new CopyOnWriteArrayList<>();
    private final AtomicLong clock = new AtomicLong();

    /** Each read advances the container's CPU by 1 ms and the system's by 10 ms: 10 % of a 1-CPU machine. */
    private ContainerStats reading(Map<String, AtomicLong> cpu, String id) {
        long n = cpu.computeIfAbsent(id, k -> new AtomicLong()).incrementAndGet();
        return new ContainerStats(Instant.EPOCH.plusSeconds(clock.incrementAndGet()), n * 1_000_000, n * 10_000_000,
                1, 1024 * 1024 * n, 1L << 30);
    }

    @Test
    void readsEveryRunningServiceAtOnceNotOneAfterTheOther() {
        StackStore store = new StackStore(snapshot(smallStack(), running("vault", HealthStatus.HEALTHY),
                running("postgres", HealthStatus.HEALTHY), running("redis", HealthStatus.NONE)));
        // Each read returns only once all three are in flight: one after the other, every read would time out.
        CountDownLatch allInFlight = new CountDownLatch(3);
        Map<String, AtomicLong> cpu = new ConcurrentHashMap<>();
        FakeEngine engine = new FakeEngine().onStats(id -> {
            allInFlight.countDown();
            try {
                if (!allInFlight.await(3, TimeUnit.SECONDS)) {
                    throw new UserError(UserError.Kind.OTHER, "read alone", "", null);
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return reading(cpu, id);
        });
        StatsSampler sampler = new StatsSampler(engine, store, reports::add);

        sampler.sampleOnce();
        sampler.sampleOnce();

        assertThat(reports.get(0)).as("one reading is not yet usage").isEmpty();
        assertThat(reports.get(1)).containsOnlyKeys("vault", "postgres", "redis");
        assertThat(reports.get(1).get("vault").cpuPercent()).isEqualTo(10.0);
        assertThat(reports.get(1).get("vault").describeMemory()).isEqualTo("2.0 MiB");
    }

    @Test
    void aFailedReadLeavesThatServiceOutAndStartsItsCountersAgain() {
        StackStore store = new StackStore(snapshot(smallStack(), running("vault", HealthStatus.HEALTHY),
                running("postgres", HealthStatus.HEALTHY)));
        Map<String, AtomicLong> cpu = new ConcurrentHashMap<>();
        AtomicLong round = new AtomicLong();
        FakeEngine engine = new FakeEngine().onStats(id -> {
            if (id.equals("id-postgres") && round.get() == 2) {
                throw new UserError(UserError.Kind.OTHER, "cannot read the stats", "", null);
            }
            return reading(cpu, id);
        });
        StatsSampler sampler = new StatsSampler(engine, store, reports::add);

        for (int i = 0; i < 4; i++) {
            round.set(i);
            sampler.sampleOnce();
        }

        assertThat(reports.get(1)).containsOnlyKeys("vault", "postgres");
        assertThat(reports.get(2)).containsOnlyKeys("vault");
        assertThat(reports.get(3)).as("postgres has one reading again, not yet usage").containsOnlyKeys("vault");
    }

    @Test
    void aServiceThatStopsDropsOutAndAReplacedContainerStartsAfresh() {
        StackStore store = new StackStore(snapshot(smallStack(), running("vault", HealthStatus.HEALTHY),
                running("postgres", HealthStatus.HEALTHY)));
        Map<String, AtomicLong> cpu = new ConcurrentHashMap<>();
        StatsSampler sampler = new StatsSampler(new FakeEngine().onStats(id -> reading(cpu, id)), store, reports::add);

        sampler.sampleOnce();
        sampler.sampleOnce();
        store.update(s -> s.withService(exited("postgres", 0)));
        sampler.sampleOnce();

        assertThat(reports.get(1)).containsOnlyKeys("vault", "postgres");
        assertThat(reports.get(2)).containsOnlyKeys("vault");
    }

    @Test
    void readsNothingWhileTheEngineIsUnreachable() {
        StackStore store = new StackStore(snapshot(smallStack(), running("vault", HealthStatus.HEALTHY))
                .withEngine(EngineInfo.unreachable("unix:///var/run/docker.sock", "connection refused")));
        List<String> reads = new CopyOnWriteArrayList<>();
        StatsSampler sampler = new StatsSampler(new FakeEngine().onStats(id -> {
            reads.add(id);
            return reading(new ConcurrentHashMap<>(), id);
        }), store, reports::add);

        sampler.sampleOnce();

        assertThat(reads).isEmpty();
        assertThat(reports).isEmpty();
    }
}
