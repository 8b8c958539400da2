package io.colimaservices.domain;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Reads the running services' resource counters every {@link #INTERVAL} while started, and reports usage per service.
 * Meant to run only while something shows the figures (the dashboard on screen): it is the app's one periodic
 * reader, so it must not run unseen.
 */
public final class StatsSampler implements AutoCloseable {
    public static final Duration INTERVAL = Duration.ofSeconds(2);
    /** How long one round waits for its reads (the engine's own call deadline is longer). */
    static final Duration READ_DEADLINE = Duration.ofSeconds(5);

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

    /**
     * One round: a reading per running service, all at once; usage for those read twice in a row. The reads run in
     * parallel because the daemon answers each one-shot read at its collector's next tick (up to a second): one
     * after the other, a round over the whole stack would take half a minute.
     */
    void sampleOnce() {
        StackSnapshot snapshot = store.current();
        if (!snapshot.engine().reachable()) {
            return;
        }
        Map<String, String> running = new HashMap<>();
        for (ServiceStatus s : snapshot.services().values()) {
            if (s.isRunning() && s.containerId().isPresent()) {
                running.put(s.service(), s.containerId().get());
            } else {
                previous.remove(s.service());
            }
        }
        Map<String, ContainerStats> readings = readAll(running);
        Map<String, ServiceUsage> usage = new HashMap<>();
        running.forEach((service, id) -> {
            ContainerStats now = readings.get(service);
            if (now == null) {
                previous.remove(service);
                return;
            }
            ContainerStats before = id.equals(previousContainer.get(service)) ? previous.get(service) : null;
            if (before != null) {
                usage.put(service, ServiceUsage.between(before, now));
            }
            previous.put(service, now);
            previousContainer.put(service, id);
        });
        listener.accept(Map.copyOf(usage));
    }

    /** Reads every container on its own virtual thread; a read that fails or misses the deadline is left out. */
    private Map<String, ContainerStats> readAll(Map<String, String> containers) {
        Map<String, Future<ContainerStats>> reads = new HashMap<>();
        Map<String, ContainerStats> readings = new HashMap<>();
        // Not closed with try-with-resources: close() would wait for a read stuck past the deadline.
        ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
        try {
            containers.forEach((service, id) -> reads.put(service, readers.submit(() -> engine.stats(id))));
            long deadline = System.nanoTime() + READ_DEADLINE.toNanos();
            for (Map.Entry<String, Future<ContainerStats>> read : reads.entrySet()) {
                try {
                    long left = Math.max(0, deadline - System.nanoTime());
                    readings.put(read.getKey(), read.getValue().get(left, TimeUnit.NANOSECONDS));
                } catch (ExecutionException | TimeoutException e) {
                    read.getValue().cancel(true);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            readers.shutdownNow();
        }
        return readings;
    }

    @Override
    public void close() {
        stop();
    }
}
