package io.colimaservices.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What exists for one compose service right now: its container's state and health, or {@link ContainerState#ABSENT}.
 *
 * @param exitCode present once the container has exited (or is dead)
 * @param healthOutput the output of the last health check, when Docker reported one (for failure messages)
 * @param configHash the compose CLI's hash of the definition the container was created from (its
 *                   {@code com.docker.compose.config-hash} label), when known
 */
public record ServiceStatus(
        String service,
        Optional<String> containerId,
        ContainerState state,
        HealthStatus health,
        OptionalInt exitCode,
        Optional<Instant> startedAt,
        Optional<Instant> finishedAt,
        List<PortBinding> ports,
        boolean oomKilled,
        Optional<String> healthOutput,
        Optional<String> configHash) {

    public ServiceStatus {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(containerId, "containerId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(exitCode, "exitCode");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        ports = List.copyOf(ports);
        Objects.requireNonNull(healthOutput, "healthOutput");
        Objects.requireNonNull(configHash, "configHash");
    }

    /** A status whose container's definition hash is not known (events of a container created elsewhere). */
    public ServiceStatus(String service, Optional<String> containerId, ContainerState state, HealthStatus health,
                         OptionalInt exitCode, Optional<Instant> startedAt, Optional<Instant> finishedAt,
                         List<PortBinding> ports, boolean oomKilled, Optional<String> healthOutput) {
        this(service, containerId, state, health, exitCode, startedAt, finishedAt, ports, oomKilled, healthOutput,
                Optional.empty());
    }

    public static ServiceStatus absent(String service) {
        return new ServiceStatus(service, Optional.empty(), ContainerState.ABSENT, HealthStatus.NONE,
                OptionalInt.empty(), Optional.empty(), Optional.empty(), List.of(), false, Optional.empty());
    }

    public boolean isRunning() {
        return state == ContainerState.RUNNING;
    }

    /** Running, and healthy when it has a health check. */
    public boolean isReady() {
        return state == ContainerState.RUNNING && (health == HealthStatus.HEALTHY || health == HealthStatus.NONE);
    }

    /** Up (running, restarting or paused) and not yet ready: unhealthy, still starting, or restarting. */
    public boolean isUpButNotReady() {
        return state.isUp() && !isReady();
    }

    /** Unhealthy, dead, OOM-killed, or exited with a non-zero code. */
    public boolean isFailing() {
        return health == HealthStatus.UNHEALTHY
                || state == ContainerState.DEAD
                || (state == ContainerState.EXITED && exitCode.orElse(0) != 0)
                || (state == ContainerState.EXITED && oomKilled);
    }

    public ServiceStatus withState(ContainerState newState, HealthStatus newHealth) {
        return new ServiceStatus(service, containerId, newState, newHealth, exitCode, startedAt, finishedAt, ports,
                oomKilled, healthOutput, configHash);
    }
}
