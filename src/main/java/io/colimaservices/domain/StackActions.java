package io.colimaservices.domain;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The only place that starts and stops the stack's services. Both faces call it and render the same
 * {@link StackProgress} stream. It reads state from the {@link StackStore} (kept true by the {@link EngineWatcher})
 * and changes it through the engine and the compose CLI. Every start is an {@link UpRun}: right whatever state it
 * finds (docs/stack.md, "Day two").
 */
public final class StackActions implements StackOperations {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
    public static final Duration STOP_GRACE = Duration.ofSeconds(10);
    /**
     * A service without a health check counts as up once it has stayed running this long (by the daemon's clock):
     * long enough to catch a process that crashes at start (and a crash loop), short enough not to slow a group
     * start.
     */
    public static final Duration SETTLE_TIME = Duration.ofSeconds(2);
    /** How long the store may take to hear (by events) of containers compose just made. */
    static final Duration CONTAINER_SEEN_DEADLINE = Duration.ofSeconds(30);
    static final int FAILURE_LOG_LINES = 20;

    /** What every run works with. */
    record Parts(ContainerEngine engine, ServiceProvisioner provisioner, StackStore store, ServiceHooks hooks,
                 StopLedger ledger, SecretDelivery delivery) {
    }

    private final Parts parts;
    private final DesiredServices desired;
    private final Set<UpRun> recoveries = new CopyOnWriteArraySet<>();

    public StackActions(ContainerEngine engine, ServiceProvisioner provisioner, StackStore store) {
        this(engine, provisioner, store, ServiceHooks.NONE, new StopLedger(java.time.Clock.systemUTC()),
                SecretDelivery.NONE, DesiredServices.inMemory());
    }

    /**
     * @param ledger   where stops and restarts are recorded (shared by every StackActions of the app)
     * @param delivery how the stack delivers secrets (which service renders, who waits for it)
     * @param desired  the services the user wants running, kept between runs: {@code up} adds, {@code down} removes
     */
    public StackActions(ContainerEngine engine, ServiceProvisioner provisioner, StackStore store,
                        ServiceHooks hooks, StopLedger ledger, SecretDelivery delivery, DesiredServices desired) {
        this.parts = new Parts(engine, provisioner, store, hooks, ledger, delivery);
        this.desired = desired;
    }

    /**
     * Starts the targets (group labels or service names) and everything they depend on, in dependency order and in
     * parallel where the graph allows, honouring each {@code depends_on} condition: missing containers are created,
     * changed definitions recreated, and whatever runs but is not right is restarted (see {@link UpRun}). Stops at
     * the first failure or timeout; what already started keeps running.
     */
    @Override
    public ActionResult up(List<String> targets, Duration timeout, Consumer<StackProgress> progress) {
        Catalog catalog = parts.store().current().catalog();
        Set<String> services = catalog.withDependencies(catalog.resolveTargets(targets));
        desired.add(services);
        return busy("Starting " + String.join(", ", targets), () -> new UpRun(parts, catalog, services, timeout,
                RunKind.USER, Set.of(), Set.of(), progress).run());
    }

    /** Starts the tiers' services (and those without a profile) with what they depend on. */
    @Override
    public ActionResult upTiers(List<String> tiers, Duration timeout, Consumer<StackProgress> progress) {
        return up(Tiers.targets(parts.store().current().catalog(), List.of(), tiers), timeout, progress);
    }

    /**
     * Stops the targets and, first, every running service that depends on them, in reverse dependency order
     * (in parallel where the graph allows). A recovery under way is cancelled first: the user's stop wins.
     */
    @Override
    public ActionResult down(List<String> targets, Consumer<StackProgress> progress) {
        Catalog catalog = parts.store().current().catalog();
        Set<String> services = catalog.withDependents(catalog.resolveTargets(targets));
        recoveries.forEach(r -> r.cancel("stopping " + String.join(", ", targets)));
        desired.remove(services);
        return busy("Stopping " + String.join(", ", targets),
                () -> new DownRun(parts, catalog, services, progress).run());
    }

    /**
     * Restarts one service and waits until it is ready again: a stop, then a start judged by the start that follows
     * the stop (never by the stop's own exit). A service without a container is created and started.
     */
    @Override
    public ActionResult restart(String service, Duration timeout, Consumer<StackProgress> progress) {
        Catalog catalog = parts.store().current().catalog();
        catalog.resolveTargets(List.of(service));
        return busy("Restarting " + service, () -> new UpRun(parts, catalog, Set.of(service), timeout, RunKind.USER,
                parts.store().current().status(service).containerId().isPresent() ? Set.of(service) : Set.of(),
                Set.of(), progress).run());
    }

    /**
     * Replaces a service's container with one made from its current definition (its volumes kept), starting what
     * it depends on first, and waits until it is ready.
     */
    @Override
    public ActionResult recreate(String service, Duration timeout, Consumer<StackProgress> progress) {
        Catalog catalog = parts.store().current().catalog();
        Set<String> services = catalog.withDependencies(catalog.resolveTargets(List.of(service)));
        desired.add(services);
        return busy("Recreating " + service, () -> new UpRun(parts, catalog, services, timeout, RunKind.USER,
                Set.of(), Set.of(service), progress).run());
    }

    @Override
    public Set<String> stale(StackSnapshot snapshot) {
        return StaleDefinitions.ofRunning(snapshot, parts.provisioner());
    }

    /**
     * Brings existing services back to health after the engine came back (see {@link StackRecovery}): no container
     * is created or recreated, a one-shot job that succeeded is not run again. A {@link #down} cancels it.
     */
    public ActionResult recover(Set<String> services, Duration timeout, Consumer<StackProgress> progress) {
        Catalog catalog = parts.store().current().catalog();
        UpRun run = new UpRun(parts, catalog, services, timeout, RunKind.RECOVERY, Set.of(), Set.of(), progress);
        recoveries.add(run);
        try {
            return busy(StackRecovery.BUSY_LABEL, run::run);
        } finally {
            recoveries.remove(run);
        }
    }

    /** The services the user wants running (what recovery brings back). */
    public DesiredServices desired() {
        return desired;
    }

    /**
     * Runs work that belongs to an action but is not a start or a stop ({@code up}'s pulls) under a busy label, so the
     * tray shows it as under way.
     */
    public <T> T whileBusy(String label, Supplier<T> work) {
        return busy(label, work);
    }

    private <T> T busy(String label, Supplier<T> work) {
        parts.store().update(s -> {
            Set<String> next = new HashSet<>(s.busy());
            next.add(label);
            return s.withBusy(next);
        });
        try {
            return work.get();
        } finally {
            parts.store().update(s -> {
                Set<String> next = new HashSet<>(s.busy());
                next.remove(label);
                return s.withBusy(next);
            });
        }
    }

    static Consumer<StackProgress> synchronizedConsumer(Consumer<StackProgress> target) {
        return event -> {
            synchronized (target) {
                target.accept(event);
            }
        };
    }
}
