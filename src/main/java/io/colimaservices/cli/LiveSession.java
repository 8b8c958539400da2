package io.colimaservices.cli;

import io.colimaservices.app.AppContext;
import io.colimaservices.domain.EngineWatcher;
import io.colimaservices.domain.StackActions;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.StackStore;

/**
 * A command's live view of the stack: a store kept true by the event-driven watcher for as long as the command
 * runs, and the actions that act on it.
 */
final class LiveSession implements AutoCloseable {
    private final AppContext context;
    private final StackStore store;
    private final EngineWatcher watcher;

    private LiveSession(AppContext context, StackStore store, EngineWatcher watcher) {
        this.context = context;
        this.store = store;
        this.watcher = watcher;
    }

    /** Takes a first listing (failing with exit 3 when Docker is unreachable), then follows events. */
    static LiveSession open(AppContext context) {
        StackSnapshot first = context.liveSnapshot();
        StackStore store = new StackStore(first);
        EngineWatcher watcher = new EngineWatcher(context.engine(), store);
        watcher.start();
        return new LiveSession(context, store, watcher);
    }

    StackStore store() {
        return store;
    }

    EngineWatcher watcher() {
        return watcher;
    }

    StackActions actions() {
        return context.stackActions(store);
    }

    @Override
    public void close() {
        watcher.close();
    }
}
