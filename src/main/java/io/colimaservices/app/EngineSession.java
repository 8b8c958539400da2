package io.colimaservices.app;

import io.colimaservices.domain.ContainerEngine;
import io.colimaservices.domain.ContainerEvent;
import io.colimaservices.domain.EngineWatcher;
import io.colimaservices.domain.ServiceUsage;
import io.colimaservices.domain.StackActions;
import io.colimaservices.domain.StackProgress;
import io.colimaservices.domain.StackRecovery;
import io.colimaservices.domain.StackStore;
import io.colimaservices.domain.StatsSampler;

import java.util.Map;
import java.util.function.Consumer;

/**
 * The app's connection to one Docker host: the engine, the event-driven watcher, the actions and the stats sampler.
 * Replaced whole when the host changes (the Colima VM started with another socket).
 */
final class EngineSession implements AutoCloseable {
    final String host;
    final ContainerEngine engine;
    final EngineWatcher watcher;
    final StackActions actions;
    final StatsSampler sampler;
    /** Recovery without a click: looks at the stack on every (re)connection, and when the app says so (wake). */
    final StackRecovery recovery;

    EngineSession(AppContext context, StackStore store, Consumer<ContainerEvent> onEvent,
                  Consumer<Map<String, ServiceUsage>> onUsage, Consumer<StackProgress> recoverySteps,
                  Consumer<StackRecovery.Report> recovered) {
        this.host = context.dockerHost().display();
        this.engine = context.engine();
        this.watcher = new EngineWatcher(engine, store);
        this.actions = context.stackActions(store);
        this.sampler = new StatsSampler(engine, store, onUsage);
        this.recovery = context.recovery(store, actions, watcher, recoverySteps, recovered);
        watcher.onEventApplied(onEvent);
        watcher.onConnected(() -> recovery.trigger("Docker is reachable"));
        watcher.start();
    }

    @Override
    public void close() {
        sampler.close();
        watcher.close();
    }
}
