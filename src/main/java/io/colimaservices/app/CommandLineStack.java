package io.colimaservices.app;

import io.colimaservices.domain.EngineWatcher;
import io.colimaservices.domain.StackActions;
import io.colimaservices.domain.StackRecovery;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.SnapshotWaiter;
import io.colimaservices.domain.StackStore;
import io.colimaservices.domain.UserError;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * A command's live view of the stack: a store kept true by the event-driven watcher for as long as the command
 * runs, and the actions that act on it. Opened by {@link AppContext#commandLineStack()} on first use, closed with
 * the context.
 */
public final class CommandLineStack implements AutoCloseable {
    /** The engine's state before anything was asked (see {@link io.colimaservices.domain.EngineInfo#unknown}). */
    private static final String NOT_ASKED = "not checked yet";
    private static final Duration FIRST_LISTING_DEADLINE = Duration.ofSeconds(15);
    private final AppContext context;
    private final StackStore store;
    private final EngineWatcher watcher;

    private CommandLineStack(AppContext context, StackStore store, EngineWatcher watcher) {
        this.context = context;
        this.store = store;
        this.watcher = watcher;
    }

    /**
     * The watcher's own first listing (on connecting to the event stream) fills the store: one listing, not one
     * before the stream and another on connecting. When Docker does not answer, the listing of
     * {@link AppContext#liveSnapshot()} says why (exit 3).
     *
     * @param willProvision the command may create containers: find the compose CLI while Docker is listed
     */
    static CommandLineStack open(AppContext context, boolean willProvision) {
        if (willProvision) {
            context.prepareProvisioner();
        }
        StackStore store = new StackStore(StackSnapshot.initial(context.projectName(), context.catalog(),
                Optional.empty(), context.dockerHost().display(), context.vaultAddress(),
                context.vmProfile()));
        EngineWatcher watcher = new EngineWatcher(context.engine(), store);
        CountDownLatch connected = new CountDownLatch(1);
        watcher.onConnected(connected::countDown);
        watcher.start();
        try {
            Optional<Boolean> listed = SnapshotWaiter.await(store, s -> connected.getCount() == 0 ? Optional.of(true)
                    : s.engine().error().filter(NOT_ASKED::equals).isEmpty() && !s.engine().reachable()
                    ? Optional.of(false) : Optional.empty(), FIRST_LISTING_DEADLINE);
            if (listed.isEmpty() || !listed.get()) {
                watcher.close();
                store.update(s -> s.withListing(context.liveSnapshot().engine(),
                        context.engine().listProject(context.projectName())));
                watcher = new EngineWatcher(context.engine(), store);
                watcher.start();
            }
        } catch (InterruptedException e) {
            watcher.close();
            Thread.currentThread().interrupt();
            throw new UserError(UserError.Kind.OTHER, "interrupted while listing the stack", "");
        }
        return new CommandLineStack(context, store, watcher);
    }

    public StackStore store() {
        return store;
    }

    public EngineWatcher watcher() {
        return watcher;
    }

    StackActions actions() {
        return context.stackActions(store);
    }

    StackRecovery recovery() {
        return context.recovery(store, actions(), watcher, p -> { }, r -> { });
    }

    @Override
    public void close() {
        watcher.close();
    }
}
