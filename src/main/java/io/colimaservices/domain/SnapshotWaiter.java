package io.colimaservices.domain;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Waits, without polling the engine, until a snapshot decides something: the function returns empty while it
 * cannot tell yet, and a value once it can. Every snapshot the store publishes is judged in order, so a short-lived
 * state (a container that dies and is restarted at once) is never missed. The current snapshot is also judged again
 * every quarter second, for decisions that depend on time passing (a service staying up long enough).
 */
public final class SnapshotWaiter {
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private SnapshotWaiter() {
    }

    /** The decision, or empty when {@code timeout} passed first. */
    public static <T> Optional<T> await(StackStore store, Function<StackSnapshot, Optional<T>> decide,
                                        Duration timeout) throws InterruptedException {
        LinkedBlockingQueue<StackSnapshot> published = new LinkedBlockingQueue<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (AutoCloseable ignored = store.subscribe(published::add)) {
            StackSnapshot next = store.current();
            while (true) {
                Optional<T> decision = decide.apply(next);
                if (decision.isPresent()) {
                    return decision;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return Optional.empty();
                }
                StackSnapshot changed = published.poll(Math.min(left, RECHECK_NANOS), TimeUnit.NANOSECONDS);
                next = changed != null ? changed : store.current();
            }
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
