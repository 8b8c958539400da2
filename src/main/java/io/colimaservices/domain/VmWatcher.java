package io.colimaservices.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Keeps the store's {@link VmState} current: asks the runtime for the profile's VM, looks at its Docker socket,
 * and publishes both as one value. {@link #refresh()} is safe to call as often as anyone likes (at start, on wake,
 * on a timer, after an action): callers that arrive while a refresh runs return at once, and the running refresh
 * goes round once more so their request is not lost.
 */
public final class VmWatcher implements VmChanges, AutoCloseable {
    /** Colima's status costs a process (and Lima's); once a minute is enough between explicit refreshes. */
    public static final Duration POLL_INTERVAL = Duration.ofSeconds(60);

    private final VmRuntime runtime;
    private final DockerSocketCheck socketCheck;
    private final StackStore store;
    private final Supplier<String> profile;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicInteger changes = new AtomicInteger();
    private volatile boolean polling;
    private Thread poller;

    /** @param profile the profile to watch, asked on every refresh (the settings may change it) */
    public VmWatcher(VmRuntime runtime, DockerSocketCheck socketCheck, StackStore store, Supplier<String> profile) {
        this.runtime = Objects.requireNonNull(runtime);
        this.socketCheck = Objects.requireNonNull(socketCheck);
        this.store = Objects.requireNonNull(store);
        this.profile = Objects.requireNonNull(profile);
    }

    /** Reads the VM and its socket now, on the caller's thread (blocks up to the status deadline). */
    @Override
    public void refresh() {
        requested.set(true);
        while (requested.get() && refreshing.compareAndSet(false, true)) {
            try {
                requested.set(false);
                if (changes.get() > 0) {
                    continue; // the action refreshes when it ends
                }
                VmState state = look();
                // Checked again inside the update: an action may have begun while the tool was asked, and its
                // STARTING/STOPPING phase is then the truth the faces need.
                store.update(s -> changes.get() == 0 ? s.withVm(state) : s);
            } finally {
                refreshing.set(false);
            }
        }
    }

    /** {@link #refresh()} on a new virtual thread, for callers on the FX or AWT thread. */
    public Thread refreshInBackground() {
        return Thread.ofVirtual().name("vm-refresh").start(this::refresh);
    }

    /**
     * Runs an action that changes the VM (start, stop, delete) with the store showing {@code phase} meanwhile,
     * then refreshes. Refreshes that happen during the action do not overwrite the phase.
     */
    @Override
    public void whileChanging(VmPhase phase, Runnable action) {
        changes.incrementAndGet();
        try {
            store.update(s -> s.withVm(s.vm().withPhase(phase).withError(null)));
            action.run();
        } finally {
            changes.decrementAndGet();
            refresh();
        }
    }

    /** Refreshes every {@code interval} on a virtual thread until closed. */
    public synchronized void start(Duration interval) {
        if (polling) {
            return;
        }
        polling = true;
        poller = Thread.ofVirtual().name("vm-watcher").start(() -> {
            while (polling) {
                refresh();
                LockSupport.parkNanos(interval.toNanos());
            }
        });
    }

    private VmState look() {
        String name = profile.get();
        VmState state = runtime.status(name);
        return state.withSocketDiagnosis(socketCheck.diagnose(state));
    }

    @Override
    public synchronized void close() {
        polling = false;
        if (poller != null) {
            LockSupport.unpark(poller);
            poller = null;
        }
    }
}
