package io.colimaservices.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static io.colimaservices.domain.Fixtures.smallStack;
import static io.colimaservices.domain.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class VmWatcherTest {
    private static final SocketDiagnosis OK = new SocketDiagnosis(SocketCondition.ANSWERING, "/s/docker.sock",
            "answered", SocketFix.NONE, "");

    /** A runtime whose status is set by the test, and that can be made to block. */
    private static final class ScriptedRuntime implements VmRuntime {
        final AtomicReference<VmPhase> phase = new AtomicReference<>(VmPhase.STOPPED);
        final AtomicInteger statusCalls = new AtomicInteger();
        volatile CountDownLatch gate = new CountDownLatch(0);
        final List<String> profiles = new ArrayList<>();

        @Override
        public String describeTool() {
            return "scripted";
        }

        @Override
        public VmState status(String profile) {
            statusCalls.incrementAndGet();
            synchronized (profiles) {
                profiles.add(profile);
            }
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return VmState.of(profile, phase.get());
        }

        @Override
        public List<VmState> list() {
            return List.of();
        }

        @Override
        public void start(VmSpec spec, Duration deadline, VmProgress progress) {
            phase.set(VmPhase.RUNNING);
        }

        @Override
        public void stop(String profile, boolean force, Duration deadline, VmProgress progress) {
            phase.set(VmPhase.STOPPED);
        }

        @Override
        public void restart(VmSpec spec, Duration deadline, VmProgress progress) {
            phase.set(VmPhase.RUNNING);
        }

        @Override
        public void delete(VmDeletion deletion, Duration deadline, VmProgress progress) {
            phase.set(VmPhase.ABSENT);
        }
    }

    private final ScriptedRuntime runtime = new ScriptedRuntime();
    private final StackStore store = new StackStore(snapshot(smallStack()));
    private final AtomicReference<String> profile = new AtomicReference<>("default");
    private final VmWatcher watcher = new VmWatcher(runtime, vm -> OK, store, profile::get);

    @Test
    void refreshPublishesTheVmWithItsSocketDiagnosis() {
        watcher.refresh();

        VmState vm = store.current().vm();
        assertThat(vm.phase()).isEqualTo(VmPhase.STOPPED);
        assertThat(vm.socketDiagnosis()).contains(OK);
        assertThat(store.current().health()).isEqualTo(StackHealth.VM_STOPPED);
    }

    @Test
    void profileIsAskedOnEveryRefresh() {
        watcher.refresh();
        profile.set("work");
        watcher.refresh();

        assertThat(runtime.profiles).containsExactly("default", "work");
        assertThat(store.current().vm().profile()).isEqualTo("work");
    }

    @Test
    void refreshesArrivingDuringOneCostOneMoreNotOneEach() throws Exception {
        runtime.gate = new CountDownLatch(1);
        Thread first = watcher.refreshInBackground();
        await().atMost(Duration.ofSeconds(5)).until(() -> runtime.statusCalls.get() == 1);

        for (int i = 0; i < 20; i++) {
            watcher.refresh(); // returns at once: one is running
        }
        runtime.gate.countDown();
        first.join(5_000);

        assertThat(runtime.statusCalls.get()).isEqualTo(2);
    }

    @Test
    void changingPhaseHoldsUntilTheActionEndsThenTheTruthIsRead() {
        watcher.refresh();
        List<VmPhase> seenDuring = new ArrayList<>();

        watcher.whileChanging(VmPhase.STARTING, () -> {
            seenDuring.add(store.current().vm().phase());
            watcher.refresh(); // e.g. a wake during the start: must not show "stopped"
            seenDuring.add(store.current().vm().phase());
            runtime.start(VmSpec.defaults(), Duration.ofSeconds(1), VmProgress.IGNORE);
        });

        assertThat(seenDuring).containsExactly(VmPhase.STARTING, VmPhase.STARTING);
        assertThat(store.current().vm().phase()).isEqualTo(VmPhase.RUNNING);
    }

    @Test
    void pollingRefreshesUntilClosed() {
        watcher.start(Duration.ofMillis(20));
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> runtime.statusCalls.get() >= 3);
        } finally {
            watcher.close();
        }
    }
}
