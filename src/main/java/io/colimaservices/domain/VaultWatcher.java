package io.colimaservices.domain;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps the store's {@link VaultState} current. {@link #refresh()} is cheap and safe to call as often as events
 * arrive (container start, health change, wake from sleep): it asks Vault on a virtual thread, at most one request
 * at a time, and calls that arrive while one is under way collapse into one more request after it.
 */
public final class VaultWatcher {
    private final VaultGateway gateway;
    private final StackStore store;
    /** 0 idle, 1 running, 2 running and asked again meanwhile. */
    private final AtomicInteger demand = new AtomicInteger();

    public VaultWatcher(VaultGateway gateway, StackStore store) {
        this.gateway = Objects.requireNonNull(gateway);
        this.store = Objects.requireNonNull(store);
    }

    /** Asks for a fresh state in the background; returns at once. */
    public void refresh() {
        if (demand.getAndUpdate(d -> Math.min(d + 1, 2)) == 0) {
            Thread.ofVirtual().name("vault-watcher").start(this::drain);
        }
    }

    /** Asks now, on the caller's thread, and publishes the result. */
    public VaultState refreshNow() {
        VaultState state = gateway.status();
        store.update(s -> s.withVault(state));
        return state;
    }

    private void drain() {
        do {
            try {
                refreshNow();
            } catch (RuntimeException e) {
                // status() is documented not to throw; if it does, the next refresh must still run.
                store.update(s -> s.withVault(VaultState.down(gateway.address(), e.getClass().getSimpleName())));
            }
        } while (demand.decrementAndGet() > 0);
    }
}
