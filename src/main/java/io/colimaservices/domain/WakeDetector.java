package io.colimaservices.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Notices that the machine slept: a virtual thread sleeps a short interval and compares the wall clock before
 * and after. After a sleep (lid closed) far more wall time has passed than the thread slept, because the
 * monotonic clock behind {@code parkNanos} stops while the machine sleeps and the wall clock does not. Works on
 * every OS with no native hook; a clock set by hand or App Nap's late timers can also trigger it, which only
 * costs an extra re-check.
 */
public final class WakeDetector implements AutoCloseable {
    public static final Duration INTERVAL = Duration.ofSeconds(10);
    /** Above App Nap's timer slack (seconds), far below any real sleep. */
    public static final Duration THRESHOLD = Duration.ofSeconds(30);

    private final Duration interval;
    private final Duration threshold;
    private final LongSupplier wallClockMillis;
    private final Runnable onWake;
    private volatile boolean running;
    private Thread thread;

    public WakeDetector(Runnable onWake) {
        this(INTERVAL, THRESHOLD, System::currentTimeMillis, onWake);
    }

    public WakeDetector(Duration interval, Duration threshold, LongSupplier wallClockMillis, Runnable onWake) {
        this.interval = Objects.requireNonNull(interval);
        this.threshold = Objects.requireNonNull(threshold);
        this.wallClockMillis = Objects.requireNonNull(wallClockMillis);
        this.onWake = Objects.requireNonNull(onWake);
    }

    /** Whether {@code wallElapsed} after sleeping {@code slept} means the machine slept in between. */
    public static boolean isWake(Duration slept, Duration wallElapsed, Duration threshold) {
        return wallElapsed.minus(slept).compareTo(threshold) > 0;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofVirtual().name("wake-detector").start(this::loop);
    }

    private void loop() {
        long before = wallClockMillis.getAsLong();
        while (running) {
            long parkStart = System.nanoTime();
            LockSupport.parkNanos(interval.toNanos());
            Duration slept = Duration.ofNanos(System.nanoTime() - parkStart);
            long after = wallClockMillis.getAsLong();
            if (running && isWake(slept, Duration.ofMillis(after - before), threshold)) {
                onWake.run();
            }
            before = after;
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
