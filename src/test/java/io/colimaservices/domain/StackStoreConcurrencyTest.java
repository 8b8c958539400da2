package io.colimaservices.domain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static io.colimaservices.domain.Fixtures.smallStack;
import static io.colimaservices.domain.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many writers at once, several plain listeners and several relays onto one-thread executors (the FX and AWT
 * threads): every snapshot carries a step number that each update raises by one, so the order listeners hear
 * snapshots in is the order the store published them in, and a stale face shows as a smaller step.
 */
class StackStoreConcurrencyTest {
    private static final int WRITERS = 8;
    private static final int UPDATES_PER_WRITER = 1_500;
    private static final int TOTAL = WRITERS * UPDATES_PER_WRITER;

    @Test
    void listenersHearEverySnapshotOnceInPublishedOrderAndRelaysEndOnTheNewest() throws Exception {
        StackStore store = new StackStore(snapshot(smallStack()));
        List<ConcurrentLinkedQueue<Integer>> heard = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ConcurrentLinkedQueue<Integer> steps = new ConcurrentLinkedQueue<>();
            heard.add(steps);
            store.subscribe(listener(steps));
        }
        List<ExecutorService> uiThreads = new ArrayList<>();
        List<ConcurrentLinkedQueue<Integer>> shown = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ExecutorService ui = Executors.newSingleThreadExecutor();
            uiThreads.add(ui);
            ConcurrentLinkedQueue<Integer> steps = new ConcurrentLinkedQueue<>();
            shown.add(steps);
            store.relay(ui, listener(steps));
        }

        CyclicBarrier together = new CyclicBarrier(WRITERS);
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            writers.add(Thread.ofPlatform().start(() -> {
                try {
                    together.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                for (int u = 0; u < UPDATES_PER_WRITER; u++) {
                    store.update(StackStoreConcurrencyTest::nextStep);
                }
            }));
        }
        for (Thread writer : writers) {
            writer.join();
        }
        for (ExecutorService ui : uiThreads) {
            ui.shutdown();
            assertThat(ui.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(step(store.current())).isEqualTo(TOTAL);
        assertThat(store.versioned().version()).isEqualTo(TOTAL);
        for (ConcurrentLinkedQueue<Integer> steps : heard) {
            assertThat(outOfOrder(steps)).as("a listener heard an older snapshot after a newer one").isEmpty();
            assertThat(steps).as("every snapshot, once").hasSize(TOTAL);
        }
        for (ConcurrentLinkedQueue<Integer> steps : shown) {
            assertThat(outOfOrder(steps)).as("a relay showed an older snapshot after a newer one").isEmpty();
            assertThat(List.copyOf(steps).getLast()).as("what the face shows at the end").isEqualTo(TOTAL);
        }
    }

    @Test
    void aListenerThatWritesIsNotCalledFromInsideItselfAndStillHearsInOrder() {
        StackStore store = new StackStore(snapshot(smallStack()));
        List<Integer> heard = new ArrayList<>();
        int[] depth = {0};
        store.subscribe(s -> {
            depth[0]++;
            assertThat(depth[0]).as("nested delivery").isEqualTo(1);
            heard.add(step(s));
            if (step(s) < 5) {
                store.update(StackStoreConcurrencyTest::nextStep);
            }
            depth[0]--;
        });

        store.update(StackStoreConcurrencyTest::nextStep);

        assertThat(heard).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void aFailingListenerDoesNotStopTheOthersAndTheWriterHearsOfIt() {
        StackStore store = new StackStore(snapshot(smallStack()));
        List<Integer> heard = new ArrayList<>();
        store.subscribe(s -> {
            if (step(s) == 1) {
                throw new IllegalStateException("listener bug");
            }
        });
        store.subscribe(s -> heard.add(step(s)));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.update(StackStoreConcurrencyTest::nextStep))
                .hasMessage("listener bug");
        store.update(StackStoreConcurrencyTest::nextStep);

        assertThat(heard).containsExactly(1, 2);
    }

    @Test
    void aSubscriberHearsOnlyWhatWasPublishedAfterItSubscribedAndNothingAfterClosing() throws Exception {
        StackStore store = new StackStore(snapshot(smallStack()));
        store.update(StackStoreConcurrencyTest::nextStep);
        List<Integer> heard = new ArrayList<>();
        AutoCloseable subscription = store.subscribe(s -> heard.add(step(s)));

        store.update(StackStoreConcurrencyTest::nextStep);
        subscription.close();
        store.update(StackStoreConcurrencyTest::nextStep);

        assertThat(heard).containsExactly(2);
        assertThat(store.update(s -> s)).isSameAs(store.current());
        assertThat(store.versioned().version()).isEqualTo(3);
    }

    @Test
    void aRelayNeverShowsAnOlderSnapshotHandedInLate() {
        List<Integer> shown = new ArrayList<>();
        LatestValueRelay<StackSnapshot> relay = new LatestValueRelay<>(Runnable::run, s -> shown.add(step(s)));
        StackSnapshot one = nextStep(snapshot(smallStack()));
        StackSnapshot two = nextStep(one);

        relay.accept(new Versioned<>(2, two));
        relay.accept(new Versioned<>(1, one));

        assertThat(shown).containsExactly(2);
    }

    private static Consumer<StackSnapshot> listener(ConcurrentLinkedQueue<Integer> steps) {
        return s -> {
            steps.add(step(s));
            // A little work, as a real listener does, so that writers overtake one another.
            Thread.yield();
        };
    }

    private static List<String> outOfOrder(ConcurrentLinkedQueue<Integer> steps) {
        List<String> problems = new ArrayList<>();
        int previous = -1;
        for (int step : steps) {
            if (step <= previous) {
                problems.add(step + " after " + previous);
            }
            previous = step;
        }
        return problems.size() > 5 ? problems.subList(0, 5) : problems;
    }

    static StackSnapshot nextStep(StackSnapshot s) {
        return s.withBusy(Set.of("step-" + (step(s) + 1)));
    }

    static int step(StackSnapshot s) {
        return s.busy().stream().filter(b -> b.startsWith("step-")).mapToInt(b -> Integer.parseInt(b.substring(5)))
                .findFirst().orElse(0);
    }
}
