package io.colimaservices.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One pull run under way: every image of a plan pulled on its own virtual thread, at most
 * {@link PullPolicy#parallel()} at a time. An image the engine already holds is not pulled. A broken attempt (the
 * stream from the engine broke or ended early, nothing moved for {@link PullPolicy#stallTimeout()}, or the engine
 * lost the registry and gave up) is retried after a growing delay, up to {@link PullPolicy#attempts()}; a failure
 * no retry can mend (no such tag, no build for this platform, access refused, rate limit) ends the image at once.
 *
 * <p>Faces hear each step through the listener (one call at a time, in order per image) and read the aggregated
 * state at their own pace with {@link #view()}; {@link #cancel()} stops everything.
 */
public final class PullRun {
    private final PullPlan plan;
    private final ImageEngine engine;
    private final RegistryCredentials credentials;
    private final PullPolicy policy;
    private final LongSupplier nanos;
    private final Consumer<PullProgress> listener;
    private final List<ImagePullTracker> trackers = new ArrayList<>();
    private final Object emitLock = new Object();
    private final Semaphore slots;
    /**
     * Image i may ask for a slot once image i - 1 holds one (or ended without): images start in the plan's order. A
     * fair semaphore alone does not give that, since the workers reach it in the order the scheduler runs them.
     */
    private final List<CountDownLatch> turns = new ArrayList<>();
    private final Map<String, RegistryCredentials.Lookup> logins = new ConcurrentHashMap<>();
    private final Set<Attempt> running = ConcurrentHashMap.newKeySet();
    private final List<Thread> workers = new ArrayList<>();
    private final CountDownLatch finished;
    private final long startedNanos;
    private volatile boolean cancelled;
    /** Set by the first image that finds the engine out of reach: the others end with it, without asking again. */
    private final AtomicReference<PullFailure> engineUnreachable = new AtomicReference<>();

    PullRun(PullPlan plan, ImageEngine engine, RegistryCredentials credentials, PullPolicy policy, LongSupplier nanos,
            Consumer<PullProgress> listener) {
        this.plan = plan;
        this.engine = engine;
        this.credentials = credentials;
        this.policy = policy;
        this.nanos = nanos;
        this.listener = listener;
        this.slots = new Semaphore(policy.parallel(), true);
        this.finished = new CountDownLatch(plan.images().size());
        this.startedNanos = nanos.getAsLong();
        plan.images().forEach(p -> {
            trackers.add(new ImagePullTracker(p.image(), p.services()));
            turns.add(new CountDownLatch(turns.isEmpty() ? 0 : 1));
        });
    }

    void start() {
        plan.skipped().forEach(s -> emit(new PullProgress.Skipped(s.service(), s.reason())));
        synchronized (workers) {
            for (int i = 0; i < trackers.size(); i++) {
                int index = i;
                ImagePullTracker tracker = trackers.get(i);
                workers.add(Thread.ofVirtual().name("pull-" + tracker.image()).start(() -> work(tracker, index)));
            }
        }
    }

    public PullPlan plan() {
        return plan;
    }

    /**
     * The run now: one line per image and the totals, whose rate is the sum of the images' rates (so the lines
     * and the total agree). Cheap; call it as often as a face redraws.
     */
    public PullView view() {
        long now = nanos.getAsLong();
        synchronized (trackers) {
            List<ImagePullView> images = trackers.stream().map(t -> t.view(now)).toList();
            long downloaded = 0;
            long size = 0;
            long workLeft = 0;
            boolean complete = true;
            int done = 0;
            Rates rates = new Rates();
            for (int i = 0; i < images.size(); i++) {
                ImagePullView image = images.get(i);
                downloaded += image.downloaded();
                size += image.size();
                workLeft += trackers.get(i).workLeft();
                complete &= image.sizeComplete();
                done += image.state().finished() ? 1 : 0;
                rates.add(trackers.get(i).downloadRate(now), trackers.get(i).workRate(now));
            }
            boolean over = done == images.size();
            Optional<Duration> eta = over || (size == 0 && !complete) ? Optional.empty()
                    : ImagePullTracker.estimate(workLeft, rates.work());
            return new PullView(images, new PullTotals(downloaded, size, complete, over ? OptionalDouble.empty()
                    : rates.download(), eta, done, images.size(), Duration.ofNanos(now - startedNanos)));
        }
    }

    /** Sums of rates, empty while no image has one. */
    private static final class Rates {
        private double download;
        private double work;
        private boolean any;

        void add(OptionalDouble downloadRate, OptionalDouble workRate) {
            if (downloadRate.isPresent()) {
                any = true;
                download += downloadRate.getAsDouble();
                work += workRate.orElse(0);
            }
        }

        OptionalDouble download() {
            return any ? OptionalDouble.of(download) : OptionalDouble.empty();
        }

        OptionalDouble work() {
            return any ? OptionalDouble.of(work) : OptionalDouble.empty();
        }
    }

    /** Stops every pull under way and every image still waiting; their outcome is {@code CANCELLED}. */
    public void cancel() {
        cancelled = true;
        running.forEach(Attempt::cancel);
        synchronized (workers) {
            workers.forEach(Thread::interrupt);
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Waits for every image's outcome. @throws InterruptedException after cancelling the run */
    public PullResult await() throws InterruptedException {
        try {
            finished.await();
        } catch (InterruptedException e) {
            cancel();
            throw e;
        }
        return result();
    }

    /** True when the run ended within {@code timeout}. */
    public boolean await(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private PullResult result() {
        return new PullResult(view().images(), plan.skipped());
    }

    private void work(ImagePullTracker tracker, int index) {
        try {
            turns.get(index).await();
            slots.acquire();
            try {
                passTurn(index);
                pull(tracker);
            } finally {
                slots.release();
            }
        } catch (InterruptedException e) {
            end(tracker, ImagePullState.CANCELLED);
            emit(new PullProgress.Cancelled(tracker.image()));
        } catch (RuntimeException e) {
            // An adapter that throws instead of ending the attempt: the image still gets an outcome.
            fail(tracker, new PullFailure(PullFailure.Kind.OTHER, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())));
        } finally {
            passTurn(index);
            finished.countDown();
        }
    }

    private void passTurn(int index) {
        if (index + 1 < turns.size()) {
            turns.get(index + 1).countDown();
        }
    }

    private void pull(ImagePullTracker tracker) throws InterruptedException {
        ImageReference image = tracker.image();
        if (engineUnreachable.get() != null) {
            failQuietly(tracker, engineUnreachable.get());
            return;
        }
        end(tracker, ImagePullState.CHECKING);
        try {
            if (engine.isPresent(image)) {
                end(tracker, ImagePullState.PRESENT);
                emit(new PullProgress.Present(image, tracker.services()));
                return;
            }
        } catch (UserError e) {
            checkCancelled();
            boolean unreachable = e.kind() == UserError.Kind.DOCKER_UNREACHABLE;
            PullFailure failure = new PullFailure(unreachable ? PullFailure.Kind.DOCKER_UNREACHABLE
                    : PullFailure.Kind.OTHER, e.getMessage());
            if (unreachable && !engineUnreachable.compareAndSet(null, failure)) {
                failQuietly(tracker, engineUnreachable.get());
            } else {
                fail(tracker, failure);
            }
            return;
        }
        Backoff backoff = new Backoff(policy.firstRetry(), policy.maxRetry());
        for (int attempt = 1; ; attempt++) {
            checkCancelled();
            Optional<RegistryLogin> login = login(image.registry());
            synchronized (trackers) {
                tracker.attemptStarted(attempt, nanos.getAsLong());
            }
            emit(new PullProgress.Started(image, attempt, policy.attempts()));
            Optional<PullFailure> failure = attempt(tracker, login);
            checkCancelled();
            if (failure.isEmpty()) {
                ImagePullView done = end(tracker, ImagePullState.PULLED);
                emit(new PullProgress.Pulled(image, done.downloaded(), done.elapsed()));
                return;
            }
            if (!failure.get().retryable() || attempt >= policy.attempts()) {
                if (failure.get().kind() == PullFailure.Kind.DOCKER_UNREACHABLE
                        && !engineUnreachable.compareAndSet(null, failure.get())) {
                    failQuietly(tracker, engineUnreachable.get());
                } else {
                    fail(tracker, failure.get());
                }
                return;
            }
            Duration delay = backoff.next();
            end(tracker, ImagePullState.RETRYING);
            emit(new PullProgress.Retrying(image, attempt + 1, policy.attempts(), delay, failure.get()));
            Thread.sleep(delay);
        }
    }

    private void checkCancelled() throws InterruptedException {
        if (cancelled) {
            throw new InterruptedException("pull cancelled");
        }
    }

    /** One attempt to its end: empty when the image arrived, else why not. */
    private Optional<PullFailure> attempt(ImagePullTracker tracker, Optional<RegistryLogin> login)
            throws InterruptedException {
        Attempt attempt = new Attempt();
        running.add(attempt);
        try {
            if (cancelled) {
                throw new InterruptedException("pull cancelled");
            }
            attempt.subscription = engine.pull(tracker.image(), login, new PullListener() {
                @Override
                public void onEvent(PullEvent event) {
                    attempt.touch();
                    long now = nanos.getAsLong();
                    synchronized (trackers) {
                        tracker.apply(event, now);
                    }
                    emit(new PullProgress.Progress(event));
                }

                @Override
                public void onEnd(PullEnd end) {
                    attempt.end(end);
                }
            });
            Optional<PullEnd> end = attempt.await(policy.stallTimeout());
            if (cancelled) {
                throw new InterruptedException("pull cancelled");
            }
            if (end.isEmpty()) {
                return Optional.of(new PullFailure(PullFailure.Kind.STALLED, "no progress for "
                        + PullText.duration(policy.stallTimeout())));
            }
            return switch (end.get()) {
                case PullEnd.Finished f -> {
                    boolean arrived;
                    synchronized (trackers) {
                        arrived = tracker.finalStatusSeen();
                    }
                    yield arrived ? Optional.empty() : Optional.of(new PullFailure(PullFailure.Kind.BROKEN,
                            "the engine's progress stream ended before the pull finished"));
                }
                case PullEnd.Refused r -> Optional.of(PullFailure.classify(r.httpStatus(), r.message()));
                case PullEnd.Broken b -> Optional.of(new PullFailure(PullFailure.Kind.BROKEN, b.reason()));
                case PullEnd.Unreachable u -> Optional.of(new PullFailure(PullFailure.Kind.DOCKER_UNREACHABLE,
                        u.reason()));
            };
        } finally {
            running.remove(attempt);
            attempt.cancel();
        }
    }

    /** The login for a registry, asked once per run (a keychain helper may ask the user). */
    private Optional<RegistryLogin> login(String registry) {
        RegistryCredentials.Lookup lookup = logins.computeIfAbsent(registry, r -> {
            RegistryCredentials.Lookup found = credentials.lookup(r);
            found.problem().ifPresent(problem -> emit(new PullProgress.Note("credentials for " + r + ": " + problem
                    + "; pulling without signing in")));
            if (found.login().isPresent() && !found.source().isEmpty()) {
                emit(new PullProgress.Note("signing in to " + r + " with the login from " + found.source()));
            }
            return found;
        });
        return lookup.login();
    }

    private ImagePullView end(ImagePullTracker tracker, ImagePullState state) {
        synchronized (trackers) {
            tracker.state(state, nanos.getAsLong());
            return tracker.view(nanos.getAsLong());
        }
    }

    private void fail(ImagePullTracker tracker, PullFailure failure) {
        synchronized (trackers) {
            tracker.failed(failure, nanos.getAsLong());
        }
        emit(new PullProgress.Failed(tracker.image(), tracker.services(), failure));
    }

    /** Ends the image with the engine's failure another image already reported. */
    private void failQuietly(ImagePullTracker tracker, PullFailure failure) {
        synchronized (trackers) {
            tracker.failed(failure, nanos.getAsLong());
        }
    }

    private void emit(PullProgress progress) {
        synchronized (emitLock) {
            listener.accept(progress);
        }
    }

    /** One pull attempt: its end, the time of its last message, and how to stop it. */
    private static final class Attempt {
        private volatile Subscription subscription;
        private PullEnd end;
        private long lastMessage = System.nanoTime();
        private boolean stopped;

        synchronized void touch() {
            lastMessage = System.nanoTime();
        }

        synchronized void end(PullEnd result) {
            if (end == null) {
                end = result;
            }
            notifyAll();
        }

        /**
         * Waits for the end; empty when nothing was heard for {@code stall} (real time: the engine's silence is
         * measured, not the run's clock). Cancelling wakes it.
         */
        synchronized Optional<PullEnd> await(Duration stall) throws InterruptedException {
            while (end == null && !stopped) {
                long quiet = System.nanoTime() - lastMessage;
                long left = stall.toNanos() - quiet;
                if (left <= 0) {
                    return Optional.empty();
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return Optional.ofNullable(end);
        }

        void cancel() {
            synchronized (this) {
                stopped = true;
                notifyAll();
            }
            Subscription s = subscription;
            if (s != null) {
                s.close();
            }
        }
    }
}
