package io.colimaservices.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One container event of the project, as the engine reported it.
 *
 * @param action   Docker's action, normalised: {@code create}, {@code start}, {@code restart}, {@code die},
 *                 {@code stop}, {@code kill}, {@code oom}, {@code health_status}, {@code pause}, {@code unpause},
 *                 {@code destroy}
 * @param timeNano when the engine says it happened (Unix nanoseconds, the daemon's clock)
 * @param exitCode on {@code die}
 * @param health   on {@code health_status}
 * @param configHash the container's {@code com.docker.compose.config-hash} label (every container event carries
 *                   the container's labels), when present
 */
public record ContainerEvent(String containerId, String service, String action, long timeNano,
                             OptionalInt exitCode, Optional<HealthStatus> health, Optional<String> configHash) {
    public ContainerEvent {
        Objects.requireNonNull(containerId, "containerId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(exitCode, "exitCode");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(configHash, "configHash");
    }

    public ContainerEvent(String containerId, String service, String action, long timeNano, OptionalInt exitCode,
                          Optional<HealthStatus> health) {
        this(containerId, service, action, timeNano, exitCode, health, Optional.empty());
    }
}
