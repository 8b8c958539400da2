package io.colimaservices.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The only place that starts and stops the stack's services. Both faces call it and render the same
 * {@link StackProgress} stream. It reads state from the {@link StackStore} (kept true by the {@link EngineWatcher})
 * and changes it through the engine and the compose CLI.
 */
public final class StackActions implements StackOperations {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
    public static final Duration STOP_GRACE = Duration.ofSeconds(10);
    /**
     * A service without a health check counts as up once it has stayed running this long: long enough to catch a
     * process that crashes at start (and a crash loop), short enough not to slow a group start.
     */
    public static final Duration SETTLE_TIME = Duration.ofSeconds(2);
    private static final int FAILURE_LOG_LINES = 20;

    private final ContainerEngine engine;
    private final ServiceProvisioner provisioner;
    private final StackStore store;
    private final ServiceHooks hooks;
    private final StopLedger ledger;

    public StackActions(ContainerEngine engine, ServiceProvisioner provisioner, StackStore store) {
        this(engine, provisioner, store, ServiceHooks.NONE, new StopLedger(java.time.Clock.systemUTC()));
    }

    /** @param ledger where stops and restarts are recorded (shared by every StackActions of the app) */
    public StackActions(ContainerEngine engine, ServiceProvisioner provisioner, StackStore store,
                        ServiceHooks hooks, StopLedger ledger) {
        this.engine = engine;
        this.provisioner = provisioner;
        this.store = store;
        this.hooks = hooks;
        this.ledger = ledger;
    }

    /**
     * Starts the targets (group labels or service names) and everything they depend on, in dependency order and in
     * parallel where the graph allows, honouring each {@code depends_on} condition. Stops at the first failure or
     * timeout; what already started keeps running.
     */
    @Override
    public ActionResult up(List<String> targets, Duration timeout, Consumer<StackProgress> progress) {
        Catalog catalog = store.current().catalog();
        Set<String> services = catalog.withDependencies(catalog.resolveTargets(targets));
        String label = "Starting " + String.join(", ", targets);
        return busy(label, () -> new UpRun(catalog, services, timeout, progress).run());
    }

    /**
     * Stops the targets and, first, every running service that depends on them, in reverse dependency order
     * (in parallel where the graph allows).
     */
    @Override
    public ActionResult down(List<String> targets, Consumer<StackProgress> progress) {
        Catalog catalog = store.current().catalog();
        Set<String> services = catalog.withDependents(catalog.resolveTargets(targets));
        return busy("Stopping " + String.join(", ", targets), () -> new DownRun(catalog, services, progress).run());
    }

    /** Restarts one service and waits until it is ready again. */
    @Override
    public ActionResult restart(String service, Duration timeout, Consumer<StackProgress> progress) {
        Catalog catalog = store.current().catalog();
        catalog.resolveTargets(List.of(service));
        return busy("Restarting " + service, () -> {
            Instant begin = Instant.now();
            ServiceStatus before = store.current().status(service);
            if (before.containerId().isEmpty()) {
                return new UpRun(catalog, Set.of(service), timeout, progress).run();
            }
            progress.accept(new StackProgress.Starting(service));
            ledger.stopping(service);
            ActionResult result;
            try {
                hooks.beforeStart(service, progress);
                engine.restart(before.containerId().get(), STOP_GRACE);
                hooks.afterStart(service, progress);
                result = new UpRun(catalog, Set.of(service), timeout, progress)
                        .awaitReady(service, begin, readyCondition(catalog, service));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ActionResult.OK;
            } catch (UserError e) {
                StackProgress.Failed failed = new StackProgress.Failed(service, e.getMessage(), Optional.empty(),
                        OptionalInt.empty(), List.of());
                progress.accept(failed);
                return new ActionResult(Optional.of(failed));
            }
            if (result.succeeded()) {
                progress.accept(new StackProgress.Finished("", "restarted " + service,
                        Duration.between(begin, Instant.now())));
            }
            return result;
        });
    }

    private ActionResult busy(String label, java.util.function.Supplier<ActionResult> work) {
        store.update(s -> {
            Set<String> next = new HashSet<>(s.busy());
            next.add(label);
            return s.withBusy(next);
        });
        try {
            return work.get();
        } finally {
            store.update(s -> {
                Set<String> next = new HashSet<>(s.busy());
                next.remove(label);
                return s.withBusy(next);
            });
        }
    }

    /** What "ready" means for a service that is itself a target: healthy when it has a check, else running. */
    private static DependencyCondition readyCondition(Catalog catalog, String service) {
        return catalog.service(service).map(ServiceDefinition::hasHealthCheck).orElse(false)
                ? DependencyCondition.SERVICE_HEALTHY : DependencyCondition.SERVICE_STARTED;
    }

    /** One {@code up}: a future per service for each milestone its dependents may wait on. */
    private final class UpRun {
        private final Catalog catalog;
        private final Set<String> services;
        private final Duration timeout;
        private final Consumer<StackProgress> progress;
        private final AtomicReference<StackProgress.Failed> firstFailure = new AtomicReference<>();
        private final Map<String, CompletableFuture<Void>> started = new LinkedHashMap<>();
        private final Map<String, CompletableFuture<Void>> healthy = new LinkedHashMap<>();
        private final Map<String, CompletableFuture<Void>> completed = new LinkedHashMap<>();
        private final Instant begin = Instant.now();

        UpRun(Catalog catalog, Set<String> services, Duration timeout, Consumer<StackProgress> progress) {
            this.catalog = catalog;
            this.services = services;
            this.timeout = timeout;
            this.progress = synchronizedConsumer(progress);
        }

        ActionResult run() {
            List<String> order = catalog.startOrder(services);
            for (String s : order) {
                started.put(s, new CompletableFuture<>());
                healthy.put(s, new CompletableFuture<>());
                completed.put(s, new CompletableFuture<>());
            }
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                List<CompletableFuture<Void>> all = new ArrayList<>();
                for (String s : order) {
                    all.add(CompletableFuture.runAsync(() -> bringUp(s), threads));
                }
                all.forEach(f -> f.exceptionally(e -> null).join());
            }
            StackProgress.Failed failure = firstFailure.get();
            if (failure == null) {
                progress.accept(new StackProgress.Finished("", "started " + order.size() + " services",
                        Duration.between(begin, Instant.now())));
            }
            return new ActionResult(Optional.ofNullable(failure));
        }

        private void bringUp(String service) {
            try {
                for (Dependency d : catalog.service(service).orElseThrow().dependsOn()) {
                    if (services.contains(d.service())) {
                        milestone(d.service(), d.condition()).join();
                    }
                }
                if (firstFailure.get() != null) {
                    progress.accept(new StackProgress.Skipped(service, firstFailure.get().service() + " failed"));
                    failAll(service);
                    return;
                }
                Instant startedAt = Instant.now();
                startContainer(service);
                hooks.afterStart(service, progress);
                ActionResult result = awaitReady(service, startedAt, null);
                if (!result.succeeded()) {
                    failAll(service);
                }
            } catch (CompletionException dependencyFailed) {
                if (firstFailure.get() != null && !firstFailure.get().service().equals(service)) {
                    progress.accept(new StackProgress.Skipped(service, firstFailure.get().service() + " failed"));
                }
                failAll(service);
            } catch (UserError e) {
                fail(service, e.getMessage(), OptionalInt.empty());
                failAll(service);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failAll(service);
            }
        }

        private CompletableFuture<Void> milestone(String service, DependencyCondition condition) {
            return switch (condition) {
                case SERVICE_STARTED -> started.get(service);
                case SERVICE_HEALTHY -> healthy.get(service);
                case SERVICE_COMPLETED_SUCCESSFULLY -> completed.get(service);
            };
        }

        /** Starts the service unless it runs; true when it started it. */
        private boolean startContainer(String service) {
            ServiceStatus status = store.current().status(service);
            if (status.isRunning()) {
                progress.accept(new StackProgress.AlreadyUp(service));
                return false;
            }
            hooks.beforeStart(service, progress);
            if (status.containerId().isEmpty()) {
                progress.accept(new StackProgress.Creating(service));
                provisioner.create(service, line -> progress.accept(new StackProgress.ToolOutput(service, line)));
            } else {
                progress.accept(new StackProgress.Starting(service));
                engine.start(status.containerId().get());
            }
            return true;
        }

        /**
         * Waits until the service reaches every milestone its dependents (or the user) wait for. {@code only} limits
         * the wait to one condition (a restart); null means: decide from the service.
         */
        ActionResult awaitReady(String service, Instant since, DependencyCondition only)
                throws InterruptedException {
            boolean checked = catalog.service(service).map(ServiceDefinition::hasHealthCheck).orElse(false);
            boolean oneShot = isOneShot(service);
            String condition = oneShot ? "completed" : checked ? "healthy" : "running";
            if (only == DependencyCondition.SERVICE_STARTED) {
                condition = "running";
            }
            progress.accept(new StackProgress.Waiting(service, condition));
            String wanted = condition;
            Optional<Outcome> outcome = SnapshotWaiter.await(store, s -> judge(s.status(service), since, wanted),
                    timeout);
            if (outcome.isEmpty()) {
                fail(service, "not " + wanted + " after " + timeout.toSeconds() + " s (timeout)", OptionalInt.empty());
                return new ActionResult(Optional.of(firstFailure.get()));
            }
            if (outcome.get() instanceof Outcome.Bad bad) {
                fail(service, bad.reason(), bad.exitCode());
                return new ActionResult(Optional.of(firstFailure.get()));
            }
            progress.accept(new StackProgress.Ready(service, wanted, Duration.between(since, Instant.now())));
            complete(started, service);
            complete(healthy, service);
            complete(completed, service);
            return ActionResult.OK;
        }

        private boolean isOneShot(String service) {
            return catalog.service(service).map(ServiceDefinition::oneShot).orElse(false);
        }

        private Optional<Outcome> judge(ServiceStatus s, Instant since, String wanted) {
            // A finish counts only for a run that is not older than this start: a container stopped a moment
            // before it was started again (a restore's stop and start) still shows its old run until the start
            // event arrives, and that finish is within the second of tolerance.
            boolean startedBefore = s.startedAt().map(t -> t.isBefore(since.minusSeconds(1))).orElse(false);
            boolean fresh = s.startedAt().map(t -> !t.isBefore(since.minusSeconds(1))).orElse(false)
                    || (!startedBefore && s.finishedAt().map(t -> !t.isBefore(since.minusSeconds(1))).orElse(false));
            if (s.isRunning() && !"completed".equals(wanted)) {
                complete(started, s.service());
            }
            switch (wanted) {
                case "completed" -> {
                    if (s.state() == ContainerState.EXITED && fresh) {
                        return Optional.of(s.exitCode().orElse(0) == 0 ? new Outcome.Good()
                                : new Outcome.Bad("exited with code " + s.exitCode().getAsInt(), s.exitCode()));
                    }
                }
                case "healthy" -> {
                    if (s.isRunning() && s.health() == HealthStatus.HEALTHY) {
                        return Optional.of(new Outcome.Good());
                    }
                    if (s.isRunning() && s.health() == HealthStatus.UNHEALTHY) {
                        return Optional.of(new Outcome.Bad("unhealthy", OptionalInt.empty()));
                    }
                }
                default -> {
                    boolean settled = s.startedAt().map(t -> !t.plus(SETTLE_TIME).isAfter(Instant.now()))
                            .orElse(false);
                    if (s.isRunning() && settled) {
                        return Optional.of(new Outcome.Good());
                    }
                }
            }
            if ((s.state() == ContainerState.EXITED || s.state() == ContainerState.DEAD) && fresh
                    && !"completed".equals(wanted)) {
                String why = s.oomKilled() ? "killed: out of memory" : "exited with code " + s.exitCode().orElse(-1);
                return Optional.of(new Outcome.Bad(why, s.exitCode()));
            }
            return Optional.empty();
        }

        private void fail(String service, String reason, OptionalInt exitCode) {
            ServiceStatus status = store.current().status(service);
            StackProgress.Failed failed = new StackProgress.Failed(service, reason,
                    latestHealthOutput(service).or(status::healthOutput), exitCode.isPresent() ? exitCode
                    : status.exitCode(), status.containerId().map(id -> LastLogLines.fetch(engine, service, id,
                    FAILURE_LOG_LINES)).orElse(List.of()));
            if (firstFailure.compareAndSet(null, failed)) {
                progress.accept(failed);
            }
        }

        /** The listing inspects containers, which gives the health check's last output; events do not carry it. */
        private Optional<String> latestHealthOutput(String service) {
            try {
                return engine.listProject(store.current().project()).stream()
                        .filter(s -> s.service().equals(service)).findFirst().flatMap(ServiceStatus::healthOutput);
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
    }

    private sealed interface Outcome {
        record Good() implements Outcome {
        }

        record Bad(String reason, OptionalInt exitCode) implements Outcome {
        }
    }

    /** One {@code down}: a service stops once every service depending on it has stopped. */
    private final class DownRun {
        private final Catalog catalog;
        private final Set<String> services;
        private final Consumer<StackProgress> progress;
        private final Map<String, CompletableFuture<Void>> stopped = new LinkedHashMap<>();

        DownRun(Catalog catalog, Set<String> services, Consumer<StackProgress> progress) {
            this.catalog = catalog;
            this.services = services;
            this.progress = synchronizedConsumer(progress);
        }

        ActionResult run() {
            Instant begin = Instant.now();
            List<String> order = catalog.stopOrder(services);
            order.forEach(s -> stopped.put(s, new CompletableFuture<>()));
            AtomicReference<StackProgress.Failed> failure = new AtomicReference<>();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (String s : order) {
                    threads.submit(() -> {
                        try {
                            for (ServiceDefinition dependent : catalog.services()) {
                                if (stopped.containsKey(dependent.name()) && dependent.dependsOn(s)) {
                                    stopped.get(dependent.name()).join();
                                }
                            }
                            stopOne(s);
                        } catch (UserError e) {
                            StackProgress.Failed f = new StackProgress.Failed(s, e.getMessage(), Optional.empty(),
                                    OptionalInt.empty(), List.of());
                            if (failure.compareAndSet(null, f)) {
                                progress.accept(f);
                            }
                        } finally {
                            stopped.get(s).complete(null);
                        }
                    });
                }
            }
            if (failure.get() == null) {
                progress.accept(new StackProgress.Finished("", "stopped " + order.size() + " services",
                        Duration.between(begin, Instant.now())));
            }
            return new ActionResult(Optional.ofNullable(failure.get()));
        }

        private void stopOne(String service) {
            ServiceStatus status = store.current().status(service);
            if (status.containerId().isEmpty() || !status.state().isUp()) {
                return;
            }
            Instant begin = Instant.now();
            progress.accept(new StackProgress.Stopping(service));
            ledger.stopping(service);
            engine.stop(status.containerId().get(), STOP_GRACE);
            progress.accept(new StackProgress.Stopped(service, Duration.between(begin, Instant.now())));
        }
    }

    private static Consumer<StackProgress> synchronizedConsumer(Consumer<StackProgress> target) {
        return event -> {
            synchronized (target) {
                target.accept(event);
            }
        };
    }
}
