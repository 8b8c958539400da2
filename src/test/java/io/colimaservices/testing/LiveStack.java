package io.colimaservices.testing;

import io.colimaservices.app.AppContext;
import io.colimaservices.app.LaunchOptions;
import io.colimaservices.colima.ColimaPaths;
import io.colimaservices.domain.EngineWatcher;
import io.colimaservices.domain.StackActions;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.StackStore;

import java.util.Optional;

/** The app's live core on a test compose project: context, store, event-driven watcher and actions. */
public final class LiveStack implements AutoCloseable {
    public final AppContext context;
    public final StackStore store;
    public final EngineWatcher watcher;

    public LiveStack(ComposeProject project, Optional<String> dockerHost) {
        context = new AppContext(new LaunchOptions(Optional.of(project.file()), project.name(), dockerHost),
                TestEnvironment.withOwnAppDirectories(), ColimaPaths.fromSystem());
        store = new StackStore(StackSnapshot.initial(project.name(), context.catalog(), Optional.empty(),
                context.dockerHost().display(), "", ""));
        watcher = new EngineWatcher(context.engine(), store);
        watcher.relistNow();
        watcher.start();
    }

    public StackActions actions() {
        return context.stackActions(store);
    }

    @Override
    public void close() {
        watcher.close();
        context.close();
    }
}
