package io.colimaservices.domain;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;

/**
 * Keeps the store's view of the engine current: a full listing at start and then every {@link #RELIST_INTERVAL},
 * on a virtual thread. The listing is the ground truth; finer-grained updates (events) are applied by whoever
 * receives them, between listings.
 */
public final class EngineWatcher implements AutoCloseable {
    public static final Duration RELIST_INTERVAL = Duration.ofSeconds(60);

    private final ContainerEngine engine;
    private final StackStore store;
    private final Duration interval;
    private volatile boolean running;
    private Thread thread;

    public EngineWatcher(ContainerEngine engine, StackStore store) {
        this(engine, store, RELIST_INTERVAL);
    }

    public EngineWatcher(ContainerEngine engine, StackStore store, Duration interval) {
        this.engine = Objects.requireNonNull(engine);
        this.store = Objects.requireNonNull(store);
        this.interval = interval;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofVirtual().name("engine-watcher").start(this::loop);
    }

    /** Re-lists now (on the caller's thread) and applies the result. */
    public void relistNow() {
        EngineInfo info = engine.ping();
        if (!info.reachable()) {
            store.update(s -> s.withEngine(info));
            return;
        }
        try {
            List<ServiceStatus> listed = engine.listProject(store.current().project());
            store.update(s -> s.withListing(info, listed));
        } catch (UserError e) {
            store.update(s -> s.withEngine(EngineInfo.unreachable(info.host(), e.getMessage())));
        }
    }

    /** Wakes the loop for an immediate re-list (after a wake from sleep, or a user's refresh). */
    public void poke() {
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    private void loop() {
        while (running) {
            relistNow();
            LockSupport.parkNanos(interval.toNanos());
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        if (thread != null) {
            LockSupport.unpark(thread);
            thread = null;
        }
    }
}
