package io.colimaservices.usecase;

import io.colimaservices.domain.ActionResult;
import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.LiveStack;
import io.colimaservices.domain.ServiceDefinition;
import io.colimaservices.domain.ServiceGroup;
import io.colimaservices.domain.ServiceProvisioner;
import io.colimaservices.domain.StackListing;
import io.colimaservices.domain.StackOperations;
import io.colimaservices.domain.StackProgress;
import io.colimaservices.domain.StackRecovery;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.StaleDefinitions;
import io.colimaservices.domain.UserError;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The stack: its groups, its state, and start / stop / restart / recreate / recover, for both faces (the CLI's
 * {@code status}, {@code groups}, {@code up}, ...; the dashboard's and the menu's buttons). The work is
 * {@link io.colimaservices.domain.StackActions}' and {@link StackRecovery}'s on the face's live stack; this adds
 * the trace line each action leaves.
 */
public final class StackUseCase implements StackOperations {
    private final Supplier<Catalog> catalog;
    private final LiveStack live;
    private final StackListing listing;
    private final Supplier<ServiceProvisioner> provisioner;
    private final ActionTrace trace;

    /**
     * @param stale          running services whose definition changed since their container was made
     * @param staleProblem   why that could not be told (the compose CLI failed); the rest of the status holds
     */
    public record Status(StackSnapshot snapshot, Set<String> stale, Optional<String> staleProblem) {
        public Status {
            stale = Set.copyOf(stale);
        }
    }

    public StackUseCase(Supplier<Catalog> catalog, LiveStack live, StackListing listing,
                        Supplier<ServiceProvisioner> provisioner, ActionTrace trace) {
        this.catalog = catalog;
        this.live = live;
        this.listing = listing;
        this.provisioner = provisioner;
        this.trace = trace;
    }

    /** The stack as the compose file defines it (Docker is not asked). */
    public Catalog catalog() {
        return catalog.get();
    }

    /** Groups in their order, each with its services (Docker is not asked). */
    public Map<ServiceGroup, List<ServiceDefinition>> groups() {
        return catalog().groups();
    }

    /** The Docker host a listing asks. */
    public String engineHost() {
        return listing.engineHost();
    }

    /**
     * Every service with its live state, and which running ones run a stale definition (one compose call, skipped
     * when nothing runs).
     *
     * @throws UserError of kind DOCKER_UNREACHABLE
     */
    public Status status() {
        StackSnapshot snapshot = listing.listNow();
        try {
            return new Status(snapshot, stale(snapshot), Optional.empty());
        } catch (UserError e) {
            return new Status(snapshot, Set.of(), Optional.of(e.getMessage()));
        }
    }

    @Override
    public Set<String> stale(StackSnapshot snapshot) {
        return StaleDefinitions.ofRunning(snapshot, provisioner.get());
    }

    @Override
    public ActionResult up(List<String> targets, Duration timeout, Consumer<StackProgress> progress) {
        live.prepareToCreate();
        return traced("up " + String.join(" ", targets), progress,
                p -> live.actions().up(targets, timeout, p));
    }

    @Override
    public ActionResult down(List<String> targets, Consumer<StackProgress> progress) {
        return traced("down " + String.join(" ", targets), progress, p -> live.actions().down(targets, p));
    }

    @Override
    public ActionResult restart(String service, Duration timeout, Consumer<StackProgress> progress) {
        return traced("restart " + service, progress, p -> live.actions().restart(service, timeout, p));
    }

    @Override
    public ActionResult recreate(String service, Duration timeout, Consumer<StackProgress> progress) {
        live.prepareToCreate();
        return traced("recreate " + service, progress, p -> live.actions().recreate(service, timeout, p));
    }

    /**
     * Brings back to health what should run (docs/stack.md, "Day two"), now; what the app does by itself on every
     * reconnection and on wake.
     */
    public StackRecovery.Report recover(String why, Consumer<StackProgress> progress) {
        return trace.run("recover (" + why + ")", () -> live.recovery().recoverNow(why, progress),
                report -> report.result().failure().isEmpty(), StackUseCase::outcome);
    }

    /**
     * The trace of a recovery that ran by itself (the app hands its reports here): what it brought back, or why it
     * failed.
     */
    public void recovered(StackRecovery.Report report) {
        trace.record("recover (" + report.why() + ")", report.result().failure().isEmpty(), outcome(report));
    }

    private static String outcome(StackRecovery.Report report) {
        if (report.result().cancelled()) {
            return "cancelled";
        }
        return report.result().failure().map(StackProgress.Failed::describe).orElseGet(() -> report.didSomething()
                ? String.join(", ", report.services()) + " ready again" : "nothing to do");
    }

    private interface Run {
        ActionResult run(Consumer<StackProgress> progress);
    }

    /** Runs an action, keeping its summary line for the trace. */
    private ActionResult traced(String action, Consumer<StackProgress> progress, Run run) {
        AtomicReference<String> summary = new AtomicReference<>("done");
        return trace.run(action, () -> run.run(step -> {
            if (step instanceof StackProgress.Finished finished) {
                summary.set(finished.describe());
            }
            progress.accept(step);
        }), result -> result.failure().isEmpty(), result -> result.cancelled() ? "cancelled"
                : result.failure().map(StackProgress.Failed::describe).orElseGet(summary::get));
    }
}
