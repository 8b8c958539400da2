package io.colimaservices.app;

import io.colimaservices.domain.ActionResult;
import io.colimaservices.domain.EngineWatcher;
import io.colimaservices.domain.ServiceRestarter;
import io.colimaservices.domain.StackActions;
import io.colimaservices.domain.StackProgress;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.StackStore;
import io.colimaservices.domain.UserError;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Restarts a service through the engine for the Vault side (the TLS toggle restarts {@code vault-agent}, then the
 * service). Uses the app's live store when there is one, else follows events just for the restart.
 */
final class EngineServiceRestarter implements ServiceRestarter {
    private final AppContext context;
    private final Optional<StackStore> liveStore;
    private final Consumer<StackProgress> progress;

    EngineServiceRestarter(AppContext context, Optional<StackStore> liveStore, Consumer<StackProgress> progress) {
        this.context = context;
        this.liveStore = liveStore;
        this.progress = progress;
    }

    @Override
    public void restartAndWait(String service, Duration deadline) {
        if (liveStore.isPresent()) {
            check(context.stackActions(liveStore.get()).restart(service, deadline, progress));
            return;
        }
        StackStore store = new StackStore(StackSnapshot.initial(context.projectName(), context.catalog(),
                Optional.empty(), context.dockerHost().display(), "", ""));
        try (EngineWatcher watcher = new EngineWatcher(context.engine(), store)) {
            if (!watcher.relistNow()) {
                throw new UserError(UserError.Kind.DOCKER_UNREACHABLE, "cannot restart " + service
                        + ": Docker unreachable at " + context.dockerHost().display(), "");
            }
            watcher.start();
            check(context.stackActions(store).restart(service, deadline, progress));
        }
    }

    private static void check(ActionResult result) {
        result.failure().ifPresent(f -> {
            throw new UserError(UserError.Kind.SERVICE_FAILED, f.describe()
                    + f.healthOutput().map(h -> " (last health check: " + h.strip() + ")").orElse(""), "");
        });
    }
}
