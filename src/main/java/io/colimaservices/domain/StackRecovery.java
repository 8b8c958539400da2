package io.colimaservices.domain;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Recovery without a click: when the engine comes back (a daemon or VM restart, a reboot) or the machine wakes, the
 * services that restart policies brought back, and those the user wants running ({@link DesiredServices}: what
 * {@code up} started, less what {@code down} stopped), are brought back to health by the rules of every start
 * ({@link UpRun}): Vault unsealed when shares are stored and the user allows it, the secrets agent re-armed, what
 * waits for secrets restarted. It never fights the user: a service the user stopped is not in the set, a
 * {@code down} during a recovery cancels it, and it does nothing while another action runs.
 */
public final class StackRecovery {
    public static final String BUSY_LABEL = "Recovering the stack";

    /**
     * How one recovery ended.
     *
     * @param services what it brought back (empty: everything was fine, nothing was done)
     */
    public record Report(String why, Set<String> services, ActionResult result) {
        public Report {
            services = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(services));
        }

        public boolean didSomething() {
            return !services.isEmpty();
        }
    }

    private final StackStore store;
    private final StackActions actions;
    private final BooleanSupplier relist;
    private final Duration timeout;
    private final Consumer<StackProgress> progress;
    private final Consumer<Report> finished;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicReference<String> pendingReason = new AtomicReference<>("");
    private volatile Set<String> underWay = Set.of();

    /**
     * @param relist   makes the store current (a listing) before a recovery decides; false when the engine did not
     *                 answer
     * @param progress every step, as the faces show progress (the tray shows the busy label)
     * @param finished hears how each recovery that did something (or failed) ended
     */
    public StackRecovery(StackStore store, StackActions actions, BooleanSupplier relist, Duration timeout,
                         Consumer<StackProgress> progress, Consumer<Report> finished) {
        this.store = store;
        this.actions = actions;
        this.relist = relist;
        this.timeout = timeout;
        this.progress = progress;
        this.finished = finished;
    }

    /**
     * Asks for a recovery, on a virtual thread; returns at once. A request while one runs makes it look again once
     * it is done (the engine may have come back meanwhile).
     */
    public void trigger(String why) {
        pendingReason.set(why);
        again.set(true);
        if (!running.compareAndSet(false, true)) {
            return;
        }
        Thread.ofVirtual().name("stack-recovery").start(() -> {
            try {
                while (again.getAndSet(false)) {
                    Report report = recoverNow(pendingReason.get(), progress);
                    if (report.didSomething() || !report.result().succeeded()) {
                        finished.accept(report);
                    }
                }
            } finally {
                running.set(false);
            }
            if (again.get()) {
                trigger(pendingReason.get());
            }
        });
    }

    /** Whether a recovery is bringing this service back now (its crashes meanwhile are expected, not news). */
    public boolean isRecovering(String service) {
        return underWay.contains(service);
    }

    /** Runs one recovery on the caller's thread: decide from a fresh listing, then bring back what needs it. */
    public Report recoverNow(String why, Consumer<StackProgress> steps) {
        if (!relist.getAsBoolean()) {
            return new Report(why, Set.of(), ActionResult.OK);
        }
        StackSnapshot now = store.current();
        if (!now.busy().isEmpty()) {
            // Another action is under way (a start does what a recovery would); never act across the user.
            return new Report(why, Set.of(), ActionResult.OK);
        }
        Set<String> services = plan(now, actions.desired().load());
        if (services.isEmpty()) {
            return new Report(why, Set.of(), ActionResult.OK);
        }
        steps.accept(new StackProgress.Note("", "recovering " + String.join(", ", services) + " (" + why + ")"));
        underWay = services;
        try {
            return new Report(why, services, actions.recover(services, timeout, steps));
        } finally {
            underWay = Set.of();
        }
    }

    /**
     * The services to bring back, with what they depend on, or nothing when each of them is ready already. Those
     * without a container (removed by hand) are left out, with whatever depends on them.
     */
    public static Set<String> plan(StackSnapshot snapshot, Set<String> desired) {
        if (!snapshot.engine().reachable()) {
            return Set.of();
        }
        Catalog catalog = snapshot.catalog();
        Set<String> wanted = new LinkedHashSet<>();
        desired.stream().filter(catalog::contains).forEach(wanted::add);
        // Restart policies brought these back: a half-started stack is worse than a whole one.
        snapshot.services().values().stream().filter(s -> s.state().isUp()).map(ServiceStatus::service)
                .forEach(wanted::add);
        Set<String> set = new LinkedHashSet<>(catalog.withDependencies(wanted));
        Set<String> absent = new LinkedHashSet<>();
        set.stream().filter(s -> snapshot.status(s).containerId().isEmpty()).forEach(absent::add);
        set.removeAll(catalog.withDependents(absent));
        boolean needed = set.stream().anyMatch(s -> !ready(catalog.service(s), snapshot.status(s)));
        return needed ? java.util.Collections.unmodifiableSet(set) : Set.of();
    }

    private static boolean ready(Optional<ServiceDefinition> definition, ServiceStatus status) {
        if (definition.map(ServiceDefinition::oneShot).orElse(false)) {
            return status.state() == ContainerState.EXITED && status.exitCode().orElse(-1) == 0;
        }
        return status.isReady();
    }
}
