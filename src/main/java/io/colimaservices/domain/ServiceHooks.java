package io.colimaservices.domain;

import java.util.function.Consumer;

/**
 * What the stack's own semantics add around a service's start: the app arms {@code vault-agent} before it starts and
 * unseals Vault right after it starts. A {@link UserError} thrown here fails that service, with its message.
 */
public interface ServiceHooks {
    ServiceHooks NONE = new ServiceHooks() {
    };

    /** Before the container is created, started or restarted. */
    default void beforeStart(String service, Consumer<StackProgress> progress) {
    }

    /**
     * Once the container runs (started now, or already up), before waiting for it to be ready.
     *
     * @param kind who asked: a recovery may do less than the user's own start (unseal only when allowed)
     * @return true when the hook changed the service's state, so that a health verdict from before no longer
     *         holds (Vault unsealed: it read unhealthy while sealed)
     */
    default boolean afterStart(String service, RunKind kind, Consumer<StackProgress> progress) {
        return false;
    }
}
