package io.colimaservices.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link ImageEngine} that plays scripted attempts: for each image, a queue of attempts, each a list of progress
 * messages and an end (or none: the attempt then hangs until closed, like the engine on a silent registry).
 * Counts the pulls running at once and remembers the logins it was given.
 */
final class FakeImageEngine implements ImageEngine {
    /** One attempt: messages in order, then the end; {@code end == null} hangs. */
    record Script(List<PullEvent> events, PullEnd end, CountDownLatch release) {
        static Script of(PullEnd end, PullEvent... events) {
            return new Script(List.of(events), end, null);
        }

        /** Sends its messages, waits for {@code release}, then ends. */
        static Script heldUntil(CountDownLatch release, PullEnd end, PullEvent... events) {
            return new Script(List.of(events), end, release);
        }

        static Script hanging(PullEvent... events) {
            return new Script(List.of(events), null, null);
        }
    }

    private final Map<String, Deque<Script>> scripts = new HashMap<>();
    private final Set<String> present = new HashSet<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final AtomicInteger closedEarly = new AtomicInteger();
    final List<Optional<RegistryLogin>> logins = Collections.synchronizedList(new ArrayList<>());
    final List<String> pulled = Collections.synchronizedList(new ArrayList<>());
    private volatile RuntimeException presenceFailure;
    private volatile RuntimeException pullFailure;

    FakeImageEngine script(String image, Script... attempts) {
        scripts.computeIfAbsent(image, k -> new ArrayDeque<>()).addAll(List.of(attempts));
        return this;
    }

    FakeImageEngine present(String image) {
        present.add(image);
        return this;
    }

    FakeImageEngine failPresenceChecks(RuntimeException e) {
        presenceFailure = e;
        return this;
    }

    /** Every pull throws instead of ending its attempt (an adapter with a bug, a client already closed). */
    FakeImageEngine failPulls(RuntimeException e) {
        pullFailure = e;
        return this;
    }

    int mostAtOnce() {
        return mostAtOnce.get();
    }

    int closedEarly() {
        return closedEarly.get();
    }

    /** A pull that succeeds: one layer downloaded and unpacked, then the engine's last status. */
    static Script success(String image, long size) {
        return Script.of(new PullEnd.Finished(),
                new PullEvent(image, "", "Pulling from x", -1, -1),
                new PullEvent(image, "l1", "Pulling fs layer", -1, -1),
                new PullEvent(image, "l1", "Downloading", size / 2, size),
                new PullEvent(image, "l1", "Download complete", -1, -1),
                new PullEvent(image, "l1", "Extracting", size, size),
                new PullEvent(image, "l1", "Pull complete", -1, -1),
                new PullEvent(image, "", "Status: Downloaded newer image for " + image, -1, -1));
    }

    @Override
    public String host() {
        return "fake://engine";
    }

    @Override
    public boolean isPresent(ImageReference image) {
        if (presenceFailure != null) {
            throw presenceFailure;
        }
        return present.contains(image.toString());
    }

    @Override
    public Subscription pull(ImageReference image, Optional<RegistryLogin> login, PullListener listener) {
        if (pullFailure != null) {
            throw pullFailure;
        }
        logins.add(login);
        pulled.add(image.toString());
        Deque<Script> queue = scripts.get(image.toString());
        Script script;
        synchronized (this) {
            script = queue == null ? null : queue.pollFirst();
        }
        if (script == null) {
            throw new AssertionError("no attempt scripted for " + image);
        }
        CountDownLatch closed = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean over = new java.util.concurrent.atomic.AtomicBoolean();
        int now = running.incrementAndGet();
        mostAtOnce.accumulateAndGet(now, Math::max);
        Thread.ofVirtual().start(() -> {
            try {
                for (PullEvent e : script.events()) {
                    if (closed.getCount() == 0) {
                        return;
                    }
                    listener.onEvent(e);
                }
                if (script.release() != null) {
                    script.release().await(30, TimeUnit.SECONDS);
                }
                if (script.end() == null) {
                    closed.await(60, TimeUnit.SECONDS);
                    return;
                }
                if (!over.getAndSet(true)) {
                    running.decrementAndGet();
                    listener.onEnd(script.end());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return () -> {
            closed.countDown();
            if (!over.getAndSet(true)) {
                closedEarly.incrementAndGet();
                running.decrementAndGet();
            }
        };
    }

    @Override
    public void close() {
    }
}
