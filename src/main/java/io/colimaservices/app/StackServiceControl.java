package io.colimaservices.app;

import io.colimaservices.domain.ActionResult;
import io.colimaservices.domain.EngineWatcher;
import io.colimaservices.domain.StackActions;
import io.colimaservices.domain.StackProgress;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.StackStore;
import io.colimaservices.domain.UserError;
import io.colimaservices.domain.backup.ServiceControl;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Backups stop and start services through the stack's own actions ({@code down}, {@code up}: the hooks arm
 * vault-agent and unseal Vault), on the app's live store when it has one, else on a store that follows events for
 * the call (the command line).
 */
final class StackServiceControl implements ServiceControl {
    private final AppContext context;
    private final Optional<StackStore> liveStore;
    private final Consumer<StackProgress> progress;

    StackServiceControl(AppContext context, Optional<StackStore> liveStore, Consumer<StackProgress> progress) {
        this.context = context;
        this.liveStore = liveStore;
        this.progress = progress;
    }

    @Override
    public void stop(List<String> services) {
        withActions(actions -> check(actions.down(services, progress)));
    }

    @Override
    public void start(List<String> services) {
        withActions(actions -> check(actions.up(services, StackActions.DEFAULT_TIMEOUT, progress)));
    }

    private void withActions(Consumer<StackActions> work) {
        withActions(context, liveStore, work);
    }

    /**
     * Runs {@code work} with the stack's actions: on the live store when there is one, else on a store that follows
     * the engine's events for the call.
     */
    static void withActions(AppContext context, Optional<StackStore> liveStore, Consumer<StackActions> work) {
        if (liveStore.isPresent()) {
            work.accept(context.stackActions(liveStore.get()));
            return;
        }
        StackStore store = new StackStore(StackSnapshot.initial(context.projectName(), context.catalog(),
                Optional.empty(), context.dockerHost().display(), "", ""));
        try (EngineWatcher watcher = new EngineWatcher(context.engine(), store)) {
            if (!watcher.relistNow()) {
                throw new UserError(UserError.Kind.DOCKER_UNREACHABLE, "Docker unreachable at "
                        + context.dockerHost().display(), "");
            }
            watcher.start();
            work.accept(context.stackActions(store));
        }
    }

    /** A failed action as the {@link UserError} the callers throw. */
    static void check(ActionResult result) {
        result.failure().ifPresent(f -> {
            throw new UserError(UserError.Kind.SERVICE_FAILED, f.describe()
                    + f.healthOutput().map(h -> " (last health check: " + h.strip() + ")").orElse(""), "");
        });
    }
}
