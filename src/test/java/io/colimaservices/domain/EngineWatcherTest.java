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

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
