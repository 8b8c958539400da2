package io.colimaservices.usecase;

import io.colimaservices.domain.ActionResult;
import io.colimaservices.domain.AppSettings;
import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.ImagePullView;
import io.colimaservices.domain.LiveStack;
import io.colimaservices.domain.PullFailure;
import io.colimaservices.domain.PullPlan;
import io.colimaservices.domain.PullPolicy;
import io.colimaservices.domain.PullResult;
import io.colimaservices.domain.ServiceDefinition;
import io.colimaservices.domain.ServiceGroup;
import io.colimaservices.domain.ServiceProvisioner;
import io.colimaservices.domain.StackListing;
import io.colimaservices.domain.StackOperations;
import io.colimaservices.domain.StackProgress;
import io.colimaservices.domain.StackRecovery;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.StaleDefinitions;
import io.colimaservices.domain.Tiers;
import io.colimaservices.domain.UserError;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
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
    /** What the tray shows while {@code up} pulls images, followed by the action ("Pulling images for up data"). */
    public static final String PULL_BUSY_LABEL = "Pulling images for ";
    private final Optional<PullUseCase> pulls;
    private final Supplier<String> defaultTier;

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
        this(catalog, live, listing, provisioner, trace, Optional.empty(), () -> AppSettings.DEFAULT_TIER);
    }

    /**
     * @param pulls       how {@code up} pulls the images its services miss before it creates anything (none: compose
     *                    does)
     * @param defaultTier the tier {@code up} starts when it is given no target and no tier (the settings')
     */
    public StackUseCase(Supplier<Catalog> catalog, LiveStack live, StackListing listing,
                        Supplier<ServiceProvisioner> provisioner, ActionTrace trace, Optional<PullUseCase> pulls,
                        Supplier<String> defaultTier) {
        this.catalog = catalog;
        this.live = live;
        this.listing = listing;
        this.provisioner = provisioner;
        this.trace = trace;
        this.pulls = pulls;
        this.defaultTier = defaultTier;
    }

    /** Every tier of the stack (docs/stack.md, "Tiers"), the known ones first. */
    public List<String> tiers() {
        return Tiers.all(catalog());
    }

    /** The tier {@code up} starts when given nothing, from the settings. */
    public String defaultTier() {
        return defaultTier.get();
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
        return up(targets, List.of(), timeout, progress);
    }

    /**
     * Starts the targets and the services of the tiers (docs/stack.md, "Tiers": a service without a profile is in
     * every tier), with what they depend on.
     *
     * With neither targets nor tiers it starts the default tier ({@link #defaultTier()}).
     *
     * @throws UserError of kind CONFIGURATION for an unknown tier or target
     */
    public ActionResult up(List<String> targets, List<String> tiers, Duration timeout,
                           Consumer<StackProgress> progress) {
        if (targets.isEmpty() && tiers.isEmpty()) {
            tiers = List.of(defaultTier());
        }
        List<String> names = Tiers.targets(catalog(), targets, tiers);
        if (names.isEmpty()) {
            throw new UserError(UserError.Kind.CONFIGURATION, "nothing to start: no service in " + String.join(", ", tiers),
                    "tiers: " + String.join(", ", Tiers.all(catalog())));
        }
        String label = label("up", targets, tiers);
        return traced(label, progress, p -> {
            Optional<ActionResult> pullFailed = pullFirst(label, names, p);
            if (pullFailed.isPresent()) {
                return pullFailed.get();
            }
            live.prepareToCreate();
            return live.actions().up(names, timeout, p);
        });
    }

    @Override
    public ActionResult upTiers(List<String> tiers, Duration timeout, Consumer<StackProgress> progress) {
        return up(List.of(), tiers, timeout, progress);
    }

    /** Stops every service of the stack that runs (containers kept). */
    public ActionResult downAll(Consumer<StackProgress> progress) {
        List<String> names = catalog().serviceNames();
        return traced("down --all", progress, p -> names.isEmpty() ? ActionResult.OK : live.actions().down(names, p));
    }

    /**
     * Pulls what the services (and what they depend on) miss, with the pull's own progress; a failed image ends
     * {@code up} before anything is created, naming the image (as {@code pull} does).
     */
    private Optional<ActionResult> pullFirst(String label, List<String> names, Consumer<StackProgress> progress) {
        if (pulls.isEmpty()) {
            return Optional.empty();
        }
        PullPlan plan = PullPlan.of(catalog(), names);
        if (plan.images().isEmpty() && plan.skipped().isEmpty()) {
            return Optional.empty();
        }
        return live.actions().whileBusy(PULL_BUSY_LABEL + label, () -> pull(label, plan, progress));
    }

    private Optional<ActionResult> pull(String label, PullPlan plan, Consumer<StackProgress> progress) {
        PullResult result;
        try (PullUseCase.Session session = pulls.get().start("for " + label, plan, PullPolicy.DEFAULT,
                step -> progress.accept(new StackProgress.Pulling("", step)))) {
            progress.accept(new StackProgress.PullStarted("", session.run(), plan.images().size()));
            try {
                result = session.await();
            } catch (InterruptedException e) {
                session.run().cancel();
                Thread.currentThread().interrupt();
                return Optional.of(ActionResult.CANCELLED);
            }
        }
        progress.accept(new StackProgress.PullEnded("", result));
        Optional<PullFailure> unreachable = result.engineUnreachable();
        if (unreachable.isPresent()) {
            throw new UserError(UserError.Kind.DOCKER_UNREACHABLE, unreachable.get().message(),
                    unreachable.get().hint());
        }
        if (result.succeeded()) {
            return Optional.empty();
        }
        List<ImagePullView> failed = result.failed();
        if (failed.isEmpty()) {
            return Optional.of(ActionResult.CANCELLED);
        }
        ImagePullView first = failed.getFirst();
        StackProgress.Failed failure = new StackProgress.Failed(String.join(", ", first.services()),
                "cannot pull " + first.failure().map(f -> f.describe(first.image())).orElse(first.image().toString())
                        + first.failure().map(PullFailure::hint).filter(h -> !h.isEmpty()).map(h -> " (" + h + ")")
                        .orElse("")
                        + (failed.size() > 1 ? "; " + (failed.size() - 1) + " more image"
                        + (failed.size() > 2 ? "s" : "") + " failed" : ""),
                Optional.empty(), OptionalInt.empty(), List.of());
        progress.accept(failure);
        return Optional.of(new ActionResult(Optional.of(failure)));
    }

    private static String label(String action, List<String> targets, List<String> tiers) {
        StringBuilder label = new StringBuilder(action);
        targets.forEach(t -> label.append(' ').append(t));
        tiers.forEach(t -> label.append(" --tier ").append(t));
        return label.toString();
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
