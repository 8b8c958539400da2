package io.colimaservices.usecase;

import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.ImagePullState;
import io.colimaservices.domain.ImagePullView;
import io.colimaservices.domain.PullActions;
import io.colimaservices.domain.PullPlan;
import io.colimaservices.domain.PullPolicy;
import io.colimaservices.domain.PullProgress;
import io.colimaservices.domain.PullResult;
import io.colimaservices.domain.PullRun;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Image pulls with progress for both faces ({@code pull}, and the app's progress when it comes; notes/pull-engine.md):
 * the targets resolved as {@code up} resolves them, one pull per image, through {@link PullActions}. A run leaves one
 * trace line with each image's outcome (never a registry login).
 */
public final class PullUseCase {
    private final Supplier<Catalog> catalog;
    private final Function<PullPolicy, PullActions> actions;
    private final ActionTrace trace;

    /** @param actions a pull engine with this policy, closed by the session that uses it */
    public PullUseCase(Supplier<Catalog> catalog, Function<PullPolicy, PullActions> actions, ActionTrace trace) {
        this.catalog = catalog;
        this.actions = actions;
        this.trace = trace;
    }

    /** What pulling {@code targets} (groups or services, with what they depend on; none: all) would do. */
    public PullPlan plan(List<String> targets) {
        return PullPlan.of(catalog.get(), targets);
    }

    /**
     * Starts pulling; {@code steps} hears each step on the run's threads. The caller awaits the session (which
     * traces the outcome) and closes it.
     */
    public Session start(List<String> targets, PullPolicy policy, Consumer<PullProgress> steps) {
        PullPlan plan = plan(targets);
        PullActions engine = actions.apply(policy);
        try {
            return new Session(String.join(" ", targets), engine, engine.start(plan, steps::accept));
        } catch (RuntimeException e) {
            engine.close();
            trace.record(action(String.join(" ", targets)), false, ActionTrace.why(e));
            throw e;
        }
    }

    private static String action(String targets) {
        return targets.isEmpty() ? "pull" : "pull " + targets;
    }

    /** A pull under way: its run (for views and cancel), and its end. */
    public final class Session implements AutoCloseable {
        private final String targets;
        private final PullActions engine;
        private final PullRun run;

        private Session(String targets, PullActions engine, PullRun run) {
            this.targets = targets;
            this.engine = engine;
            this.run = run;
        }

        /** The run: {@code view()} per frame, {@code cancel()}. */
        public PullRun run() {
            return run;
        }

        /** Waits for every image's outcome and traces them. */
        public PullResult await() throws InterruptedException {
            PullResult result = run.await();
            List<String> outcomes = new ArrayList<>();
            for (ImagePullView image : result.images()) {
                outcomes.add(image.image() + " " + image.state().label() + image.failure()
                        .filter(f -> image.state() == ImagePullState.FAILED)
                        .map(f -> " (" + f.kind().name().toLowerCase(java.util.Locale.ROOT) + ")").orElse(""));
            }
            trace.record(action(targets), result.succeeded(), outcomes.isEmpty() ? "nothing to pull"
                    : String.join(", ", outcomes));
            return result;
        }

        @Override
        public void close() {
            engine.close();
        }
    }
}
