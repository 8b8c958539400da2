package io.colimaservices.app;

import io.colimaservices.domain.VaultServices;
import io.colimaservices.domain.ContainerEvent;
import io.colimaservices.domain.StackStore;
import io.colimaservices.domain.VaultWatcher;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * When to ask Vault for its seal state: at start, on every event of the vault container (its health check reads
 * sys/health, so sealing and unsealing show up as health events), and every minute while it runs.
 */
final class VaultPoller implements AutoCloseable {
    static final Duration INTERVAL = Duration.ofSeconds(60);

    private final VaultWatcher watcher;
    private final StackStore store;
    private volatile boolean running = true;
    private final Thread thread;

    VaultPoller(VaultWatcher watcher, StackStore store) {
        this.watcher = watcher;
        this.store = store;
        watcher.refresh();
        thread = Thread.ofVirtual().name("vault-poller").start(this::loop);
    }

    void onEvent(ContainerEvent event) {
        if (VaultServices.VAULT.equals(event.service())) {
            watcher.refresh();
        }
    }

    /** After an action of ours (unseal, init) or a wake from sleep. */
    void refreshNow() {
        watcher.refresh();
    }

    private void loop() {
        while (running) {
            LockSupport.parkNanos(INTERVAL.toNanos());
            if (running && store.current().status(VaultServices.VAULT).isRunning()) {
                watcher.refresh();
            }
        }
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
    }
}
