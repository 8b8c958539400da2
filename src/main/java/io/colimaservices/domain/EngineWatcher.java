package io.colimaservices.domain;


import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Keeps the store's view of the engine true, by events. It follows the project's event stream and applies each
 * event to the snapshot as it arrives; it re-lists everything on every (re)connect and every
 * {@link #RELIST_INTERVAL}, because the daemon drops events for slow readers and keeps only its last 256. When the
 * stream ends (a daemon restart ends it normally) or fails, it asks the engine at once, so "Docker unreachable"
 * shows within the connect deadline, then reconnects with backoff from 0.5 s up to 30 s. A listing that fails while
 * the stream stays up is retried on the same backoff. Nothing else runs more often than the re-list, and nothing at
 * all while the engine answers and the stream is quiet.
 */
public final class EngineWatcher implements AutoCloseable {
    public static final Duration RELIST_INTERVAL = Duration.ofSeconds(60);

    private final ContainerEngine engine;
    private final StackStore store;
    private final Duration relistInterval;
    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
    private final Backoff retry = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
    private volatile boolean lastListingFailed;
    private final List<Consumer<ContainerEvent>> eventObservers = new CopyOnWriteArrayList<>();
    private final List<Runnable> connectedObservers = new CopyOnWriteArrayList<>();
    private final AtomicBoolean streamEnded = new AtomicBoolean();
    private volatile boolean running;
    private volatile boolean relistRequested;
    private final AtomicLong listingsStarted = new AtomicLong();
    private final Object listingLock = new Object();
    private long newestListingApplied;
    private Thread thread;

    public EngineWatcher(ContainerEngine engine, StackStore store) {
        this(engine, store, RELIST_INTERVAL);
    }

    public EngineWatcher(ContainerEngine engine, StackStore store, Duration relistInterval) {
        this.engine = Objects.requireNonNull(engine);
        this.store = Objects.requireNonNull(store);
        this.relistInterval = relistInterval;
    }

    /** Called with every event after it was applied to the store (notifications, benchmarks). */
    public void onEventApplied(Consumer<ContainerEvent> observer) {
        eventObservers.add(observer);
    }

    /**
     * Called on the watcher's thread after each (re)connection's listing reached the store: the first one, and every
     * one after the engine came back (a daemon or VM restart, a reboot). Recovery looks at the stack then.
     */
    public void onConnected(Runnable observer) {
        connectedObservers.add(observer);
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofVirtual().name("engine-watcher").start(this::loop);
    }

    /** Re-lists on the caller's thread and applies the result; false when the engine did not answer. */
    public boolean relistNow() {
        long ticket = listingsStarted.incrementAndGet();
        EngineInfo info = engine.ping();
        if (!info.reachable()) {
            applyListing(ticket, s -> s.withEngine(info));
            lastListingFailed = true;
            return false;
        }
        try {
            List<ServiceStatus> listed = engine.listProject(store.current().project());
            applyListing(ticket, s -> s.withListing(info, listed));
            lastListingFailed = false;
            return true;
        } catch (UserError e) {
            applyListing(ticket, s -> s.withEngine(EngineInfo.unreachable(info.host(), e.getMessage())));
            lastListingFailed = true;
            return false;
        }
    }

    /** Two listings can overlap (a retry and the one on connect): the one begun later wins, whatever ends first. */
    private void applyListing(long ticket, UnaryOperator<StackSnapshot> change) {
        synchronized (listingLock) {
            if (ticket > newestListingApplied) {
                newestListingApplied = ticket;
                store.update(change);
            }
        }
    }

    /** Asks for an immediate re-list (after a wake from sleep, or a user's refresh). */
    public void poke() {
        relistRequested = true;
        wake();
    }

    private void loop() {
        while (running) {
            streamEnded.set(false);
            Subscription events = engine.subscribeEvents(store.current().project(), new Listener());
            try {
                waitWhileStreaming();
            } finally {
                events.close();
            }
            if (running && !relistNow()) {
                waitOut(backoff.next());
            }
        }
    }

    /**
     * Waits the whole backoff step, unless the watcher closes or a re-list is asked for (a wake from sleep). A bare
     * park returned at once on the permit the ended stream's {@code wake()} had left, so reconnections ran without
     * their backoff.
     */
    private void waitOut(Duration step) {
        long until = System.nanoTime() + step.toNanos();
        long left;
        while (running && !relistRequested && (left = until - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    /**
     * Re-lists every interval (or when poked) until the stream ends or the watcher closes; after a listing that
     * failed, again on the retry backoff: the stream can stay up while a listing fails (or connect slowly after an
     * outage), and "Docker unreachable" must not stay on screen for a whole interval once Docker answers again.
     */
    private void waitWhileStreaming() {
        // Taken only while the stream is up: a stream refused at once (the engine still away) must not grow the
        // retry's backoff, or the first retry after a connection whose first listing failed waited up to 30 s.
        long nextRelist = 0;
        boolean planned = false;
        while (running && !streamEnded.get()) {
            if (!planned) {
                nextRelist = System.nanoTime() + nextRelistDelay().toNanos();
                planned = true;
            }
            long wait = nextRelist - System.nanoTime();
            if (wait > 0 && !relistRequested) {
                LockSupport.parkNanos(wait);
                continue;
            }
            relistRequested = false;
            if (relistNow()) {
                // Connected and listed: the next outage starts from the backoff's first step again, even when the
                // listing on connecting had failed (only that one used to reset it).
                backoff.reset();
            }
            nextRelist = System.nanoTime() + nextRelistDelay().toNanos();
        }
    }

    private Duration nextRelistDelay() {
        if (!lastListingFailed) {
            retry.reset();
            return relistInterval;
        }
        Duration soon = retry.next();
        return soon.compareTo(relistInterval) < 0 ? soon : relistInterval;
    }

    private void wake() {
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    private final class Listener implements EngineEventListener {
        @Override
        public void onConnected() {
            if (relistNow()) {
                backoff.reset();
                connectedObservers.forEach(Runnable::run);
            }
        }

        @Override
        public void onEvent(ContainerEvent event) {
            store.update(s -> EventApplier.apply(s, event));
            for (Consumer<ContainerEvent> observer : eventObservers) {
                observer.accept(event);
            }
        }

        @Override
        public void onClosed(Optional<Throwable> error) {
            streamEnded.set(true);
            wake();
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        wake();
        thread = null;
    }

}
