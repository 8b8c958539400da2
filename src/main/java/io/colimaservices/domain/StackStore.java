package io.colimaservices.domain;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Holds the current {@link StackSnapshot} and tells listeners when it changes. Writers (watchers, actions) pass
 * a function of the current snapshot, applied under the store's lock, so concurrent updates never lose each other;
 * every change gets the next version.
 * <p>
 * Listeners hear every published snapshot exactly once and in version order, one at a time: published snapshots
 * wait in one queue, and whichever writer finds nobody delivering delivers the queue, to every listener, until it is
 * empty. So a writer that publishes while another delivers returns at once and its snapshot is delivered right after
 * the one under way, and a listener that writes to the store is not called again from inside itself. Listeners
 * must be quick and hop to their own thread (FX, AWT) themselves: {@link #relay} does that for the faces.
 */
public final class StackStore {
    private final Object lock = new Object();
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    /** Published and not yet delivered, oldest first. Guarded by {@link #lock}. */
    private final ArrayDeque<Versioned<StackSnapshot>> undelivered = new ArrayDeque<>();
    /** True while a thread delivers {@link #undelivered}. Guarded by {@link #lock}. */
    private boolean delivering;
    /** Written under {@link #lock}; read without it. */
    private volatile Versioned<StackSnapshot> current;

    public StackStore(StackSnapshot initial) {
        this.current = new Versioned<>(0, Objects.requireNonNull(initial));
    }

    public StackSnapshot current() {
        return current.value();
    }

    /** The current snapshot with its version. */
    public Versioned<StackSnapshot> versioned() {
        return current;
    }

    /**
     * Applies {@code change} (a quick, side-effect-free function) to the current snapshot; listeners hear of it only
     * when the snapshot actually changed.
     *
     * @return the snapshot after the change
     */
    public StackSnapshot update(UnaryOperator<StackSnapshot> change) {
        if (Thread.holdsLock(lock)) {
            // A nested update would be overwritten by the outer one, computed from the snapshot before it.
            throw new IllegalStateException("a change function must not update the store");
        }
        StackSnapshot after;
        synchronized (lock) {
            Versioned<StackSnapshot> before = current;
            after = Objects.requireNonNull(change.apply(before.value()));
            if (after.equals(before.value())) {
                return after;
            }
            Versioned<StackSnapshot> published = new Versioned<>(before.version() + 1, after);
            current = published;
            undelivered.add(published);
            if (delivering) {
                return after;
            }
            delivering = true;
        }
        deliverUndelivered();
        return after;
    }

    /**
     * Registers a listener for the snapshots published from now on, heard on the publishing thread (see above);
     * closing the returned handle removes it.
     */
    public AutoCloseable subscribe(Consumer<StackSnapshot> listener) {
        Objects.requireNonNull(listener);
        return register(published -> listener.accept(published.value())).handle();
    }

    /**
     * Shows the current snapshot, then every newer one, through {@code target} on {@code executor} (a UI thread that
     * runs one task at a time): only the newest snapshot waiting is shown, so a burst of snapshots costs one update
     * (one {@code runLater}), and {@code target} never gets an older snapshot after a newer one. Closing the handle
     * stops the relay.
     */
    public AutoCloseable relay(Executor executor, Consumer<StackSnapshot> target) {
        LatestValueRelay<StackSnapshot> relay = new LatestValueRelay<>(executor, target);
        Registration registration = register(relay);
        relay.accept(registration.from());
        return registration.handle();
    }

    private Registration register(Consumer<Versioned<StackSnapshot>> listener) {
        Subscriber subscriber;
        Versioned<StackSnapshot> from;
        synchronized (lock) {
            from = current;
            subscriber = new Subscriber(listener, from.version());
            subscribers.add(subscriber);
        }
        return new Registration(from, () -> {
            subscriber.closed = true;
            subscribers.remove(subscriber);
        });
    }

    private record Registration(Versioned<StackSnapshot> from, AutoCloseable handle) {
    }

    /**
     * Delivers until nothing is left. A listener that throws does not stop the others or the snapshots after it:
     * its first failure is rethrown to this writer once the queue is empty.
     */
    private void deliverUndelivered() {
        RuntimeException failure = null;
        while (true) {
            Versioned<StackSnapshot> next;
            synchronized (lock) {
                next = undelivered.poll();
                if (next == null) {
                    delivering = false;
                    break;
                }
            }
            for (Subscriber subscriber : subscribers) {
                try {
                    subscriber.hear(next);
                } catch (RuntimeException e) {
                    if (failure == null) {
                        failure = e;
                    }
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** A listener and the version it subscribed at: it hears only newer snapshots, never after it was closed. */
    private static final class Subscriber {
        private final Consumer<Versioned<StackSnapshot>> listener;
        private final long subscribedAt;
        private volatile boolean closed;

        Subscriber(Consumer<Versioned<StackSnapshot>> listener, long subscribedAt) {
            this.listener = listener;
            this.subscribedAt = subscribedAt;
        }

        void hear(Versioned<StackSnapshot> published) {
            if (!closed && published.version() > subscribedAt) {
                listener.accept(published);
            }
        }
    }
}
