package io.colimaservices.domain;

import java.time.Duration;

/**
 * Restarts one compose service and waits until it is healthy again (or running, when it has no health check).
 * The TLS toggle uses it to restart {@code vault-agent} and then the service.
 */
public interface ServiceRestarter {

    /**
     * @throws UserError of kind {@link UserError.Kind#SERVICE_FAILED} when the service does not become healthy
     *                   within {@code deadline}, naming the service and what it last reported
     */
    void restartAndWait(String service, Duration deadline);
}
