package io.colimaservices.app;

import io.colimaservices.domain.ServiceRestarter;
import io.colimaservices.domain.StackProgress;
import io.colimaservices.domain.StackStore;

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
        StackServiceControl.withActions(context, liveStore, actions -> StackServiceControl.check(
                actions.restart(service, deadline, progress)));
    }
}
