package io.colimaservices.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.colimaservices.domain.Fixtures.exited;
import static io.colimaservices.domain.Fixtures.running;
import static io.colimaservices.domain.Fixtures.smallStack;
import static io.colimaservices.domain.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

class EngineWatcherTest {
    @Test
    void aListingBegunEarlierCannotOverwriteOneBegunLaterThatEndedFirst() throws Exception {
        StackStore store = new StackStore(snapshot(smallStack()));
        CountDownLatch secondDone = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        FakeEngine engine = new FakeEngine().onList(project -> {
            if (calls.incrementAndGet() == 1) {
                // The first listing saw vault running, then took long to answer; meanwhile vault exited.
                await(secondDone);
                return List.of(running("vault", HealthStatus.HEALTHY));
            }
            return List.of(exited("vault", 0));
        });
        EngineWatcher watcher = new EngineWatcher(engine, store);

        Thread first = Thread.ofVirtual().start(watcher::relistNow);
        while (calls.get() < 1) {
            Thread.onSpinWait();
        }
        watcher.relistNow();
        secondDone.countDown();
        first.join(5_000);

        assertThat(store.current().services().get("vault").state()).isEqualTo(ContainerState.EXITED);
    }

    @Test
    void listingsOneAfterTheOtherEachApply() {
        StackStore store = new StackStore(snapshot(smallStack()));
        AtomicInteger calls = new AtomicInteger();
        FakeEngine engine = new FakeEngine().onList(project -> calls.incrementAndGet() == 1
                ? List.of(running("vault", HealthStatus.HEALTHY)) : List.of(exited("vault", 1)));
        EngineWatcher watcher = new EngineWatcher(engine, store);

        watcher.relistNow();
        assertThat(store.current().services().get("vault").state()).isEqualTo(ContainerState.RUNNING);
        watcher.relistNow();
        assertThat(store.current().services().get("vault").state()).isEqualTo(ContainerState.EXITED);
    }

    @Test
    void aFailedListingIsRetriedSoonWhileTheStreamStaysUp() {
        StackStore store = new StackStore(snapshot(smallStack()));
        AtomicInteger pings = new AtomicInteger();
        FakeEngine engine = new FakeEngine()
                .onPing(() -> pings.incrementAndGet() == 1
                        ? EngineInfo.unreachable("fake://", "connection refused")
                        : EngineInfo.reachable("fake://", "fake"))
                .onEvents((project, listener) -> { }); // connecting, slowly: neither connected nor closed
        // A day between regular listings: only the retry can bring the engine back within the test.
        try (EngineWatcher watcher = new EngineWatcher(engine, store, java.time.Duration.ofDays(1))) {
            assertThat(watcher.relistNow()).isFalse();
            assertThat(store.current().engine().reachable()).isFalse();
            watcher.start();

            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> store.current().engine().reachable());
        }
        assertThat(pings.get()).isGreaterThanOrEqualTo(2);
    }

    /**
     * After a connection whose first listing failed and whose retry succeeded, the engine is healthy: the next outage
     * is retried from the first step of the backoff again, not from where the outages before it left it. (Reset only
     * on a first listing that succeeded, a later short outage waited out the grown step: seconds of "Docker
     * unreachable" after Docker was back.)
     */
    @Test
    void anOutageAfterARecoveryWhoseFirstListingFailedIsRetriedFromTheFirstStep() {
        StackStore store = new StackStore(snapshot(smallStack()));
        java.util.concurrent.atomic.AtomicBoolean up = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicBoolean failNextPing = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicReference<EngineEventListener> stream =
                new java.util.concurrent.atomic.AtomicReference<>();
        AtomicInteger refused = new AtomicInteger();
        FakeEngine engine = new FakeEngine()
                .onPing(() -> up.get() && !failNextPing.getAndSet(false)
                        ? EngineInfo.reachable("fake://", "fake")
                        : EngineInfo.unreachable("fake://", "connection refused"))
                .onEvents((project, listener) -> {
                    if (!up.get()) {
                        refused.incrementAndGet();
                        listener.onClosed(java.util.Optional.empty());
                        return;
                    }
                    stream.set(listener);
                    listener.onConnected();
                });
        try (EngineWatcher watcher = new EngineWatcher(engine, store, java.time.Duration.ofDays(1))) {
            watcher.start();
            // Three refused connections grow the backoff (0.5 s, 1 s, 2 s)...
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> refused.get() >= 3);
            // ...then the engine is back, but the listing on connecting fails once; its retry succeeds.
            failNextPing.set(true);
            up.set(true);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15))
                    .until(() -> stream.get() != null && store.current().engine().reachable());

            // A short outage: the stream ends, the engine is gone for a moment, then back.
            up.set(false);
            stream.get().onClosed(java.util.Optional.empty());
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                    .until(() -> !store.current().engine().reachable());
            up.set(true);
            long back = System.nanoTime();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> store.current().engine().reachable());
            // The first step is 0.5 s (1 s with the backoff's jitter, if any); the grown one was 4 s.
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - back))
                    .isLessThan(java.time.Duration.ofMillis(2_500));
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
