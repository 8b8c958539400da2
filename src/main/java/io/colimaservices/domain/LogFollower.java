package io.colimaservices.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Streams one service's log into its {@link LogBuffer}. When following, a stream that ends (the container stopped,
 * the engine restarted, the socket broke) is reopened with backoff from the last timestamp seen, skipping the
 * lines already taken at that timestamp, so nothing is duplicated. The container is looked up again on every
 * reconnect: a recreated container is followed too.
 *
 * <p>A follow with a tail starts in two phases, so a reader merging several services knows when this one's
 * history is in ({@link #historyDelivered}): first a read without {@code follow} (the daemon sends the tail and
 * closes the stream: its end is the end of the history), then the follow from the last timestamp read, with the
 * same skip as a reconnect. One stream that sent its tail on connecting could not say where the history ends.
 */
public final class LogFollower implements AutoCloseable {
    private final ContainerEngine engine;
    private final String service;
    private final Supplier<Optional<String>> containerId;
    private final LogRequest first;
    private final LogBuffer buffer;
    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(5));
    private final Object lock = new Object();

    private volatile boolean closed;
    private volatile boolean ended;
    private final CountDownLatch endLatch = new CountDownLatch(1);
    private final CountDownLatch historyLatch = new CountDownLatch(1);
    private Subscription current;
    private Thread thread;

    // Resume point, touched only by the stream's thread.
    private Instant firstAttempt;
    private Instant lastTime;
    private int takenAtLastTime;
    private boolean resuming;
    private Instant resumeTime;
    private int toSkip;

    /**
     * @param containerId looks up the service's current container (empty while it has none)
     */
    public LogFollower(ContainerEngine engine, String service, Supplier<Optional<String>> containerId,
                       LogRequest first, LogBuffer buffer) {
        this.engine = Objects.requireNonNull(engine);
        this.service = Objects.requireNonNull(service);
        this.containerId = Objects.requireNonNull(containerId);
        this.first = Objects.requireNonNull(first);
        this.buffer = Objects.requireNonNull(buffer);
    }

    public String service() {
        return service;
    }

    public LogBuffer buffer() {
        return buffer;
    }

    /** True once a non-following stream has delivered everything (or failed for good). */
    public boolean ended() {
        return ended;
    }

    /**
     * True once the lines that were already written when the follower started are all in its buffer (or there
     * are none: no container, no tail, or the follower ended or was closed). Later lines are live.
     */
    public boolean historyDelivered() {
        return historyLatch.getCount() == 0;
    }

    /** Waits until {@link #historyDelivered()}, at most {@code timeout}; true if it was. */
    public boolean awaitHistory(Duration timeout) throws InterruptedException {
        return historyLatch.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Waits until {@link #ended()}, at most {@code timeout}; true if it ended. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return endLatch.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    public void start() {
        synchronized (lock) {
            if (thread == null) {
                thread = Thread.ofVirtual().name("logs-" + service).start(this::run);
            }
        }
    }

    /** Reconnects now instead of waiting out the backoff (e.g. the container just started). */
    public void poke() {
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    private void run() {
        firstAttempt = Instant.now();
        // A follow with a tail reads its history first without following; a follow of only new lines has none.
        boolean readingHistory = first.follow() && first.tail() != 0;
        LogRequest history = new LogRequest(false, first.tail(), first.since());
        if (first.follow() && !readingHistory) {
            historyLatch.countDown();
        }
        boolean isFirst = true;
        int failuresLeft = 3;
        while (!closed) {
            Optional<String> id = containerId.get();
            if (id.isEmpty()) {
                // No container, no history: the other services need not wait for this one.
                historyLatch.countDown();
                if (!first.follow()) {
                    break;
                }
            } else {
                LogRequest request = readingHistory ? history : first;
                Optional<Throwable> failure = streamOnce(id.get(), isFirst ? request : resume(request));
                isFirst = false;
                if (readingHistory && failure.isEmpty()) {
                    // The daemon closed the read once it had sent the tail: the history is in. Follow at once.
                    readingHistory = false;
                    historyLatch.countDown();
                    continue;
                }
                // A one-shot read ends when the log does; it retries a broken stream a few times only, and an
                // untimed one not at all (without timestamps it could not skip what it already has).
                if (!first.follow() && (failure.isEmpty() || --failuresLeft == 0 || !first.timestamps())) {
                    break;
                }
            }
            if (!closed) {
                LockSupport.parkNanos(backoff.next().toNanos());
            }
        }
        historyLatch.countDown();
        ended = true;
        endLatch.countDown();
    }

    /** Where to start again after a stream that ended: from the last line taken, in {@code base}'s mode. */
    private LogRequest resume(LogRequest base) {
        if (lastTime == null) {
            // Nothing read yet. With a tail, asking again is what the user wanted; with none ("only new lines"),
            // everything written since the first attempt is new.
            return base.tail() != 0 ? base : new LogRequest(base.follow(), LogRequest.ALL_SINCE,
                    Optional.of(base.since().orElse(firstAttempt)));
        }
        resuming = true;
        resumeTime = lastTime;
        toSkip = takenAtLastTime;
        return new LogRequest(base.follow(), LogRequest.ALL_SINCE, Optional.of(lastTime));
    }

    /** Streams until the stream ends or the follower is closed; returns the stream's failure, if any. */
    private Optional<Throwable> streamOnce(String id, LogRequest request) {
        LogLineAssembler assembler = new LogLineAssembler(service, this::take, request.timestamps());
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Optional<Throwable>> result = new AtomicReference<>(Optional.empty());
        Subscription subscription = engine.streamLogs(id, request, new LogFrameSink() {
            @Override
            public void onFrame(LogSource source, byte[] data, int offset, int length, boolean messageBoundary) {
                backoff.reset();
                assembler.accept(source, data, offset, length, messageBoundary);
            }

            @Override
            public void onClosed(Optional<Throwable> error) {
                assembler.finish();
                result.set(error);
                done.countDown();
            }
        });
        synchronized (lock) {
            current = subscription;
        }
        try {
            while (!closed && !done.await(1, TimeUnit.SECONDS)) {
                // closing the follower closes the subscription, which ends the stream
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (lock) {
                current = null;
            }
        }
        return result.get();
    }

    /** Keeps a line unless a resumed stream is re-sending what was already taken. */
    private void take(LogLine line) {
        if (resuming) {
            int order = line.time().compareTo(resumeTime);
            if (order < 0) {
                return;
            }
            if (order == 0 && toSkip > 0) {
                toSkip--;
                return;
            }
            if (order > 0) {
                resuming = false;
            }
        }
        if (line.time().equals(lastTime)) {
            takenAtLastTime++;
        } else {
            lastTime = line.time();
            takenAtLastTime = 1;
        }
        buffer.append(line);
    }

    @Override
    public void close() {
        closed = true;
        Subscription s;
        synchronized (lock) {
            s = current;
        }
        if (s != null) {
            s.close();
        }
        poke();
    }
}
