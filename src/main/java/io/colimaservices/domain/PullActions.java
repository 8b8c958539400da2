package io.colimaservices.domain;

import java.util.Collection;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Pulls the images of a stack's services through the engine's API, with progress, a bound on parallel pulls, and
 * retries of broken pulls (see {@link PullRun}). What both faces call: the CLI's {@code pull}, and later {@code up}
 * and the app's pull page (through the use-case layer). Closing it closes the engine connection it was given.
 */
public final class PullActions implements AutoCloseable {
    private final ImageEngine engine;
    private final RegistryCredentials credentials;
    private final PullPolicy policy;
    private final LongSupplier nanos;

    public PullActions(ImageEngine engine, RegistryCredentials credentials, PullPolicy policy) {
        this(engine, credentials, policy, System::nanoTime);
    }

    /** @param nanos the clock rates and estimates are measured with (tests give their own) */
    public PullActions(ImageEngine engine, RegistryCredentials credentials, PullPolicy policy, LongSupplier nanos) {
        this.engine = engine;
        this.credentials = credentials;
        this.policy = policy;
        this.nanos = nanos;
    }

    public PullPolicy policy() {
        return policy;
    }

    /** What {@code pull TARGET...} would do; see {@link PullPlan#of}. */
    public PullPlan plan(Catalog catalog, Collection<String> targets) {
        return PullPlan.of(catalog, targets);
    }

    /** Starts the run and returns at once; {@code listener} hears each step, one call at a time. */
    public PullRun start(PullPlan plan, Consumer<PullProgress> listener) {
        PullRun run = new PullRun(plan, engine, credentials, policy, nanos, listener);
        run.start();
        return run;
    }

    /** Runs the plan to its end. */
    public PullResult pull(PullPlan plan, Consumer<PullProgress> listener) throws InterruptedException {
        return start(plan, listener).await();
    }

    @Override
    public void close() {
        engine.close();
    }
}
