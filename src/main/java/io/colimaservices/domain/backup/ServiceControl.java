package io.colimaservices.domain.backup;

import java.util.List;

/**
 * Stops and starts the stack's services the way the stack's own actions do (dependents first when stopping;
 * dependencies first, Vault unsealed and vault-agent armed when starting), waiting until each is ready.
 */
public interface ServiceControl {

    /** Stops these services (and nothing else), dependents first. */
    void stop(List<String> services);

    /**
     * Starts these services (and what they depend on) and waits until they are ready.
     *
     * @throws io.colimaservices.domain.UserError naming the service that failed
     */
    void start(List<String> services);
}
