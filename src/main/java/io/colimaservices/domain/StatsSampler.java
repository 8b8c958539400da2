package io.colimaservices.domain;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Reads the running services' resource counters every {@link #INTERVAL} while started, and reports usage per service.
 * Meant to run only while something shows the figures (the dashboard on screen): it is the app's one periodic
 * reader, so it must not run unseen.
 */
public final class StatsSampler implements AutoCloseable {
    public static final Duration INTERVAL = Duration.ofSeconds(2);

    private final ContainerEngine engine;
    private final StackStore store;
    private final Consumer<Map<String, ServiceUsage>> listener;
    private final Map<String, ContainerStats> previous = new HashMap<>();
    private final Map<String, String> previousContainer = new HashMap<>();
    private volatile Thread thread;

    public StatsSampler(ContainerEngine engine, StackStore store, Consumer<Map<String, ServiceUsage>> listener) {
        this.engine = Objects.requireNonNull(engine);
        this.store = Objects.requireNonNull(store);
        this.listener = Objects.requireNonNull(listener);
    }

    public synchronized void start() {
        if (thread == null) {
            // Assigned before it starts: the loop runs for as long as it is the current thread.
            thread = Thread.ofVirtual().name("stats-sampler").unstarted(this::loop);
            thread.start();
        }
    }

    public synchronized void stop() {
        Thread t = thread;
        thread = null;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    public boolean isRunning() {
        return thread != null;
    }

    private void loop() {
        Thread self = Thread.currentThread();
        while (thread == self) {
            sampleOnce();
            LockSupport.parkNanos(INTERVAL.toNanos());
        }
        previous.clear();
    }

    /** One round: a reading per running service; usage for those read twice in a row. */
    void sampleOnce() {
        StackSnapshot snapshot = store.current();
        if (!snapshot.engine().reachable()) {
            return;
        }
        Map<String, ServiceUsage> usage = new HashMap<>();
        for (ServiceStatus s : snapshot.services().values()) {
            if (!s.isRunning() || s.containerId().isEmpty()) {
                previous.remove(s.service());
                continue;
            }
            String id = s.containerId().get();
            try {
                ContainerStats now = engine.stats(id);
                ContainerStats before = id.equals(previousContainer.get(s.service())) ? previous.get(s.service()) : null;
                if (before != null) {
                    usage.put(s.service(), ServiceUsage.between(before, now));
                }
                previous.put(s.service(), now);
                previousContainer.put(s.service(), id);
            } catch (UserError e) {
                previous.remove(s.service());
            }
        }
        listener.accept(Map.copyOf(usage));
    }

    @Override
    public void close() {
        stop();
    }
}
