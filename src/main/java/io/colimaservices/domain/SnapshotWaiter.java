package io.colimaservices.domain;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Waits, without polling, until a snapshot of the store decides something: the function returns empty while it
 * cannot tell yet, and a value once it can. Wakes on every store change.
 */
public final class SnapshotWaiter {
    private SnapshotWaiter() {
    }

    /** The decision, or empty when {@code timeout} passed first. */
    public static <T> Optional<T> await(StackStore store, Function<StackSnapshot, Optional<T>> decide,
                                        Duration timeout) throws InterruptedException {
        ReentrantLock lock = new ReentrantLock();
        Condition changed = lock.newCondition();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (AutoCloseable ignored = store.subscribe(s -> {
            lock.lock();
            try {
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        })) {
            lock.lock();
            try {
                while (true) {
                    Optional<T> decision = decide.apply(store.current());
                    if (decision.isPresent()) {
                        return decision;
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return Optional.empty();
                    }
                    // The listener signals under this lock, so no change is missed; the bound is only a safety net.
                    changed.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(250)), TimeUnit.NANOSECONDS);
                }
            } finally {
                lock.unlock();
            }
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
