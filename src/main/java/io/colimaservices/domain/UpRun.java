package io.colimaservices.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One start of a set of services (an {@code up}, a restart, a recreate, a recovery): a future per service for each
 * milestone its dependents may wait on (started, healthy, completed), each service waiting for its dependencies'
 * milestones as its {@code depends_on} conditions say. Whatever state it finds, it leaves the services ready:
 * <ul>
 *   <li>missing containers are created by one compose invocation, and containers whose definition changed are
 *   recreated, before anything starts (a user's run only);</li>
 *   <li>a running secrets agent that has not rendered is re-armed (the hooks) and restarted;</li>
 *   <li>once the agent is ready, a service that waits for secrets and is not healthy is restarted once;</li>
 *   <li>a container restarting in a loop is restarted once; a stopped one is started; a ready one left alone.</li>
 * </ul>
 * Every restart is a stop, a reading of the container's finish time, then a start, so that only the start that
 * follows the stop counts ({@link Readiness}).
 */
final class UpRun {
    private final StackActions.Parts parts;
    private final Catalog catalog;
    private final Set<String> services;
    private final Duration timeout;
    private final RunKind kind;
    private final Consumer<StackProgress> progress;
    private final Set<String> forceRestart;
    private final Set<String> forceRecreate;
    private final DaemonClock clock;
    private final AtomicReference<StackProgress.Failed> firstFailure = new AtomicReference<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Map<String, CompletableFuture<Void>> started = new LinkedHashMap<>();
    private final Map<String, CompletableFuture<Void>> healthy = new LinkedHashMap<>();
    private final Map<String, CompletableFuture<Void>> completed = new LinkedHashMap<>();
    /** Per service: its container is there as the run wants it (made, or recreated), so it may start. */
    private final Map<String, CompletableFuture<Void>> made = new java.util.concurrent.ConcurrentHashMap<>();
    private final Tally tally = new Tally();
    private final long begin = System.nanoTime();
    private volatile String cancelReason = "";

    UpRun(StackActions.Parts parts, Catalog catalog, Set<String> services, Duration timeout, RunKind kind,
          Set<String> forceRestart, Set<String> forceRecreate, Consumer<StackProgress> progress) {
        this.parts = parts;
        this.catalog = catalog;
        this.services = services;
        this.timeout = timeout;
        this.kind = kind;
        this.forceRestart = Set.copyOf(forceRestart);
        this.forceRecreate = Set.copyOf(forceRecreate);
        this.progress = StackActions.synchronizedConsumer(progress);
        this.clock = new DaemonClock(parts.engine()::daemonTime);
    }

    /** Stops the run as soon as it can: nothing more is started, waits end. */
    void cancel(String because) {
        cancelReason = because;
        cancelled.set(true);
    }

    Set<String> services() {
        return services;
    }

    ActionResult run() {
        List<String> order = catalog.startOrder(services);
        for (String s : order) {
            started.put(s, new CompletableFuture<>());
            healthy.put(s, new CompletableFuture<>());
            completed.put(s, new CompletableFuture<>());
        }
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String s : order) {
                made.put(s, kind == RunKind.USER ? new CompletableFuture<>() : CompletableFuture.completedFuture(null));
            }
            if (kind == RunKind.USER) {
                prepareContainers(order, threads);
            }
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (String s : order) {
                all.add(CompletableFuture.runAsync(() -> bringUp(s), threads));
            }
            all.forEach(f -> f.exceptionally(e -> null).join());
        }
        if (cancelled.get()) {
            progress.accept(new StackProgress.Cancelled("", cancelReason));
            return ActionResult.CANCELLED;
        }
        StackProgress.Failed failure = firstFailure.get();
        if (failure == null) {
            progress.accept(new StackProgress.Finished("", summary(order.size()), elapsed(begin)));
        }
        return new ActionResult(Optional.ofNullable(failure));
    }

    private String summary(int total) {
        if (forceRestart.size() == 1 && total == 1) {
            return "restarted " + forceRestart.iterator().next();
        }
        String counted = tally.describe();
        return total + (total == 1 ? " service" : " services") + " ready" + (counted.isEmpty() ? "" : ": " + counted);
    }

    // ---- containers as the run wants them: missing ones made, changed ones recreated (a user's run only) --------

    /**
     * On a thread of its own: creates every missing container in one compose invocation (see {@link
     * ServiceProvisioner#create}) while, meanwhile, compose is asked whether each existing one's definition changed;
     * then recreates those that did. A service may start as soon as its container is there ({@link #made}): a
     * missing one once compose made it (as soon as the store sees it, while compose may still be making the others,
     * when the provisioner allows that), an existing one once its definition is known unchanged, a changed one once
     * recreated.
     */
    private void prepareContainers(List<String> order, ExecutorService threads) {
        StackSnapshot now = parts.store().current();
        List<ServiceDefinition> missing = new ArrayList<>();
        List<ServiceDefinition> existing = new ArrayList<>();
        Map<String, String> oldIds = new LinkedHashMap<>();
        for (String s : order) {
            ServiceDefinition d = catalog.service(s).orElseThrow();
            Optional<String> id = now.status(s).containerId();
            if (id.isEmpty()) {
                missing.add(d);
            } else if (forceRestart.contains(s)) {
                // A restart restarts the container it has; it does not ask whether its definition changed.
                made.get(s).complete(null);
            } else {
                existing.add(d);
                oldIds.put(s, id.get());
            }
        }
        missing.forEach(d -> progress.accept(new StackProgress.Creating(d.name())));
        Set<String> waitingToBeSeen = ConcurrentHashMap.newKeySet();
        missing.forEach(d -> waitingToBeSeen.add(d.name()));
        boolean early = !missing.isEmpty() && parts.provisioner().mayStartWhileCreating();
        AutoCloseable seen = early ? parts.store().subscribe(snapshot -> markSeen(snapshot, waitingToBeSeen))
                : () -> { };
        if (early) {
            markSeen(parts.store().current(), waitingToBeSeen);
        }
        CompletableFuture<Set<String>> changed = CompletableFuture.supplyAsync(
                () -> StaleDefinitions.check(now, existing, parts.provisioner()), threads);
        threads.submit(() -> {
            try (seen) {
                parts.provisioner().create(missing, line -> progress.accept(
                        new StackProgress.ToolOutput("compose", line)));
                tally.created.addAndGet(missing.size());
                awaitContainers(waitingToBeSeen, Map.of());
                missing.forEach(d -> made.get(d.name()).complete(null));
                List<ServiceDefinition> stale = stale(existing, join(changed));
                existing.stream().filter(d -> !stale.contains(d)).forEach(d -> made.get(d.name()).complete(null));
                for (ServiceDefinition d : stale) {
                    parts.ledger().stopping(d.name());
                    parts.provisioner().recreate(d, line -> progress.accept(
                            new StackProgress.ToolOutput(d.name(), line)));
                    awaitContainers(Set.of(d.name()), oldIds);
                    progress.accept(new StackProgress.Note(d.name(), forceRecreate.contains(d.name())
                            ? "recreated" : "recreated: definition changed"));
                    tally.recreated.incrementAndGet();
                    made.get(d.name()).complete(null);
                }
            } catch (UserError e) {
                fail(missing.size() == 1 ? missing.getFirst().name() : "compose", withHint(e), OptionalInt.empty());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                fail("compose", e.toString(), OptionalInt.empty());
            } finally {
                RuntimeException notMade = new IllegalStateException("container not made");
                made.values().forEach(f -> f.completeExceptionally(notMade));
            }
        });
    }

    /** Missing services whose container the store now shows may start. */
    private void markSeen(StackSnapshot snapshot, Set<String> waiting) {
        for (String name : waiting) {
            if (snapshot.status(name).containerId().isPresent()) {
                waiting.remove(name);
                made.get(name).complete(null);
            }
        }
    }

    /** Existing containers whose definition changed (or that the caller wants recreated). */
    private List<ServiceDefinition> stale(List<ServiceDefinition> existing, Set<String> changed) {
        return existing.stream().filter(d -> changed.contains(d.name()) || forceRecreate.contains(d.name())).toList();
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UserError error) {
                throw error;
            }
            throw e;
        }
    }

    /** The store hears of new containers through events: wait until it knows each one made here. */
    private void awaitContainers(Set<String> names, Map<String, String> oldIds) throws InterruptedException {
        if (names.isEmpty()) {
            return;
        }
        Optional<Boolean> seen = SnapshotWaiter.await(parts.store(), s -> names.stream().allMatch(name ->
                s.status(name).containerId().filter(id -> !id.equals(oldIds.get(name))).isPresent())
                ? Optional.of(true) : Optional.empty(), StackActions.CONTAINER_SEEN_DEADLINE);
        if (seen.isEmpty()) {
            throw new UserError(UserError.Kind.SERVICE_FAILED, "compose made the containers of "
                    + String.join(", ", names) + " but Docker did not report them within "
                    + StackActions.CONTAINER_SEEN_DEADLINE.toSeconds() + " s", "");
        }
    }

    // ---- one service ------------------------------------------------------------------------------------------

    private void bringUp(String service) {
        try {
            ServiceDefinition definition = catalog.service(service).orElseThrow();
            for (Dependency d : definition.dependsOn()) {
                if (services.contains(d.service())) {
                    milestone(d.service(), d.condition()).join();
                }
            }
            made.get(service).join();
            if (cancelled.get()) {
                failAll(service);
                return;
            }
            if (firstFailure.get() != null) {
                progress.accept(new StackProgress.Skipped(service, firstFailure.get().service() + " failed"));
                failAll(service);
                return;
            }
            Optional<Readiness.Baseline> baseline = startIfNeeded(definition);
            if (baseline == null) {
                reached(service);
                return;
            }
            boolean acted = parts.hooks().afterStart(service, kind, progress);
            awaitReady(definition, baseline, acted && baseline.isEmpty());
        } catch (CompletionException dependencyFailed) {
            if (firstFailure.get() != null && !firstFailure.get().service().equals(service) && !cancelled.get()) {
                progress.accept(new StackProgress.Skipped(service, firstFailure.get().service() + " failed"));
            }
            failAll(service);
        } catch (UserError e) {
            fail(service, withHint(e), OptionalInt.empty());
            failAll(service);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failAll(service);
        }
    }

    /**
     * Starts, restarts or keeps the service as its state asks. Returns the baseline its readiness is judged from
     * (empty: it was already up, its current run counts), or null when there is nothing to wait for.
     */
    private Optional<Readiness.Baseline> startIfNeeded(ServiceDefinition definition) {
        String service = definition.name();
        ServiceStatus status = parts.store().current().status(service);
        if (status.containerId().isEmpty()) {
            throw new UserError(UserError.Kind.SERVICE_FAILED, kind == RunKind.RECOVERY
                    ? "it has no container (run 'up' to create it)" : "compose did not create its container", "");
        }
        String id = status.containerId().get();
        SecretDelivery delivery = parts.delivery();
        if (forceRestart.contains(service)) {
            return Optional.of(restart(service, id, ""));
        }
        if (kind == RunKind.RECOVERY && definition.oneShot() && status.state() == ContainerState.EXITED
                && status.exitCode().orElse(-1) == 0) {
            progress.accept(new StackProgress.Note(service, "completed before; not run again"));
            tally.alreadyUp.incrementAndGet();
            return null;
        }
        if (delivery.isAgent(service) && status.isUpButNotReady()) {
            return Optional.of(restart(service, id, "it runs without having rendered: re-armed"));
        }
        if (delivery.waitsForSecrets(definition) && status.state().isUp() && !readyWithSecrets(definition, status)) {
            return Optional.of(restart(service, id, "not healthy; its secrets are rendered now"));
        }
        if (status.state() == ContainerState.RESTARTING) {
            return Optional.of(restart(service, id, "it was restarting in a loop"));
        }
        if (status.state().isUp()) {
            progress.accept(new StackProgress.AlreadyUp(service));
            tally.alreadyUp.incrementAndGet();
            return Optional.empty();
        }
        parts.hooks().beforeStart(service, progress);
        progress.accept(new StackProgress.Starting(service));
        Readiness.Baseline baseline = new Readiness.Baseline(id, status.finishedAt());
        parts.engine().start(id);
        tally.started.incrementAndGet();
        return Optional.of(baseline);
    }

    private static boolean readyWithSecrets(ServiceDefinition definition, ServiceStatus status) {
        return status.isRunning() && (!definition.hasHealthCheck() || status.health() == HealthStatus.HEALTHY);
    }

    /**
     * Stop, read the finish time on the daemon's clock, start: the start that counts is the one after that finish,
     * whatever the stop's exit code or a restart policy did before.
     */
    private Readiness.Baseline restart(String service, String id, String reason) {
        progress.accept(new StackProgress.Restarting(service, reason));
        parts.ledger().stopping(service);
        parts.engine().stop(id, StackActions.STOP_GRACE);
        ServiceStatus stopped = parts.engine().inspect(service, id);
        parts.hooks().beforeStart(service, progress);
        parts.engine().start(id);
        tally.restarted.incrementAndGet();
        return new Readiness.Baseline(id, stopped.finishedAt());
    }

    private void awaitReady(ServiceDefinition definition, Optional<Readiness.Baseline> baseline,
                            boolean staleUnhealthy) throws InterruptedException {
        String service = definition.name();
        Readiness.Goal goal = Readiness.Goal.of(definition);
        Readiness readiness = new Readiness(goal, baseline, clock, staleUnhealthy, cancelled::get);
        progress.accept(new StackProgress.Waiting(service, goal.label));
        long waitStart = System.nanoTime();
        Optional<Readiness.Outcome> outcome = SnapshotWaiter.await(parts.store(), s -> {
            Optional<Readiness.Outcome> o = readiness.judge(s.status(service));
            if (readiness.sawStart() && goal != Readiness.Goal.COMPLETED) {
                complete(started, service);
            }
            if (o.isPresent() && o.get() instanceof Readiness.Outcome.Good && goal == Readiness.Goal.RUNNING
                    && !stillTheSameRun(s.status(service), parts.store().current().status(service))) {
                // "Up long enough" was read on a clock later than this snapshot: the newer ones queued behind it
                // (an exit meanwhile) decide.
                return Optional.empty();
            }
            return o;
        }, timeout);
        if (outcome.isEmpty()) {
            fail(service, "not " + goal.label + " after " + timeout.toSeconds() + " s (timeout)", OptionalInt.empty());
            failAll(service);
            return;
        }
        switch (outcome.get()) {
            case Readiness.Outcome.Cancelled c -> failAll(service);
            case Readiness.Outcome.Bad bad -> {
                fail(service, bad.reason(), bad.exitCode());
                failAll(service);
            }
            case Readiness.Outcome.Good g -> {
                progress.accept(new StackProgress.Ready(service, goal.label, elapsed(waitStart)));
                reached(service);
            }
        }
    }

    private static boolean stillTheSameRun(ServiceStatus judged, ServiceStatus now) {
        return now.isRunning() && now.containerId().equals(judged.containerId())
                && now.startedAt().equals(judged.startedAt());
    }

    private CompletableFuture<Void> milestone(String service, DependencyCondition condition) {
        return switch (condition) {
            case SERVICE_STARTED -> started.get(service);
            case SERVICE_HEALTHY -> healthy.get(service);
            case SERVICE_COMPLETED_SUCCESSFULLY -> completed.get(service);
        };
    }

    private void reached(String service) {
        complete(started, service);
        complete(healthy, service);
        complete(completed, service);
    }

    /** A failure's reason with what to do about it (e.g. how to install the compose CLI), on one line. */
    private static String withHint(UserError e) {
        return e.hint().isEmpty() ? e.getMessage() : e.getMessage() + "; " + e.hint();
    }

    private void fail(String service, String reason, OptionalInt exitCode) {
        if (cancelled.get()) {
            return;
        }
        ServiceStatus status = parts.store().current().status(service);
        Optional<ServiceStatus> inspected = status.containerId().flatMap(id -> inspectQuietly(service, id));
        StackProgress.Failed failed = new StackProgress.Failed(service, reason,
                inspected.flatMap(ServiceStatus::healthOutput).or(status::healthOutput),
                exitCode.isPresent() ? exitCode : status.exitCode(),
                status.containerId().map(id -> LastLogLines.fetch(parts.engine(), service, id,
                        StackActions.FAILURE_LOG_LINES)).orElse(List.of()));
        if (firstFailure.compareAndSet(null, failed)) {
            progress.accept(failed);
        }
    }

    /** Inspect gives the health check's last output, which events do not carry. */
    private Optional<ServiceStatus> inspectQuietly(String service, String id) {
        try {
            return Optional.of(parts.engine().inspect(service, id));
        } catch (UserError e) {
            return Optional.empty();
        }
    }

    private void failAll(String service) {
        RuntimeException cause = new IllegalStateException(service + " did not come up");
        started.get(service).completeExceptionally(cause);
        healthy.get(service).completeExceptionally(cause);
        completed.get(service).completeExceptionally(cause);
    }

    private static void complete(Map<String, CompletableFuture<Void>> milestones, String service) {
        CompletableFuture<Void> f = milestones.get(service);
        if (f != null) {
            f.complete(null);
        }
    }

    static Duration elapsed(long sinceNanos) {
        return Duration.ofNanos(System.nanoTime() - sinceNanos);
    }

    /** What the run did, for its summary: counts of what it started or stopped, not of what it found absent. */
    private static final class Tally {
        final AtomicInteger created = new AtomicInteger();
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger restarted = new AtomicInteger();
        final AtomicInteger recreated = new AtomicInteger();
        final AtomicInteger alreadyUp = new AtomicInteger();

        String describe() {
            List<String> parts = new ArrayList<>();
            // Created and recreated containers are then started: each is counted once, as what was done to it.
            int startedOnly = started.get() - created.get() - recreated.get();
            add(parts, created.get(), "created");
            add(parts, recreated.get(), "recreated");
            add(parts, startedOnly, "started");
            add(parts, restarted.get(), "restarted");
            add(parts, alreadyUp.get(), "already up");
            return String.join(", ", parts);
        }

        private static void add(List<String> parts, int count, String what) {
            if (count > 0) {
                parts.add(count + " " + what);
            }
        }
    }
}
