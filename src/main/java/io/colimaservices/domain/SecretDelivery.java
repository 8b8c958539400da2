package io.colimaservices.domain;

import java.util.Objects;

/**
 * How the stack delivers secrets to its services, as far as starting and recovering them is concerned: one
 * service (the agent) renders every other service's files into per-service volumes when it starts, and only
 * with fresh one-use credentials (docs/vault-contract.md). So an agent that runs without having rendered must be
 * re-armed and restarted, and a service that waits for secrets and is not healthy must be restarted once the
 * agent is: it started before its files existed.
 *
 * @param agent        the agent's service name; empty when the stack has none
 * @param volumePrefix the name prefix of the volumes the agent renders into
 */
public record SecretDelivery(String agent, String volumePrefix) {
    public static final SecretDelivery NONE = new SecretDelivery("", "");

    public SecretDelivery {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(volumePrefix, "volumePrefix");
    }

    public boolean isAgent(String service) {
        return !agent.isEmpty() && agent.equals(service);
    }

    /** Depends on the agent, or mounts one of the volumes it renders into. */
    public boolean waitsForSecrets(ServiceDefinition service) {
        if (agent.isEmpty() || service.name().equals(agent)) {
            return false;
        }
        return service.dependsOn(agent)
                || (!volumePrefix.isEmpty() && service.volumes().stream().anyMatch(v -> v.startsWith(volumePrefix)));
    }
}
