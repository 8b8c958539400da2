package io.colimaservices.docker;

import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.HealthStateLog;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerPort;
import io.colimaservices.domain.ContainerState;
import io.colimaservices.domain.HealthStatus;
import io.colimaservices.domain.PortBinding;
import io.colimaservices.domain.ServiceStatus;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Turns docker-java's types into domain records; nothing of docker-java leaves this package. */
final class ContainerMapper {
    /** Docker's "never" timestamp. */
    private static final Instant ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");
    private static final int MAX_HEALTH_OUTPUT = 2_000;

    private ContainerMapper() {
    }

    static ServiceStatus fromInspect(String service, Container listed, InspectContainerResponse inspect) {
        return fromInspect(service, listed.getId(), inspect, listed.getState(), ports(listed), configHash(listed));
    }

    /** One container asked for directly: no listing, so no published ports (the next listing brings them). */
    static ServiceStatus fromInspect(String service, String containerId, InspectContainerResponse inspect) {
        Optional<String> hash = Optional.ofNullable(inspect.getConfig()).map(c -> c.getLabels())
                .map(l -> l.get(ComposeLabels.CONFIG_HASH)).filter(h -> !h.isBlank());
        return fromInspect(service, containerId, inspect, null, List.of(), hash);
    }

    private static ServiceStatus fromInspect(String service, String containerId, InspectContainerResponse inspect,
                                             String listedState, List<PortBinding> ports, Optional<String> hash) {
        InspectContainerResponse.ContainerState state = inspect.getState();
        ContainerState containerState = ContainerState.fromDocker(state != null ? state.getStatus() : listedState);
        HealthState health = state != null ? state.getHealth() : null;
        HealthStatus healthStatus = containerState == ContainerState.RUNNING && health != null
                ? HealthStatus.fromDocker(health.getStatus()) : HealthStatus.NONE;
        OptionalInt exitCode = OptionalInt.empty();
        if (state != null && (containerState == ContainerState.EXITED || containerState == ContainerState.DEAD)
                && state.getExitCodeLong() != null) {
            exitCode = OptionalInt.of(state.getExitCodeLong().intValue());
        }
        return new ServiceStatus(service, Optional.of(containerId), containerState, healthStatus, exitCode,
                time(state != null ? state.getStartedAt() : null), time(state != null ? state.getFinishedAt() : null),
                ports, state != null && Boolean.TRUE.equals(state.getOOMKilled()), lastHealthOutput(health), hash);
    }

    /** For when the container vanished between list and inspect: what the list said is all we know. */
    static ServiceStatus fromList(String service, Container listed) {
        return new ServiceStatus(service, Optional.of(listed.getId()), ContainerState.fromDocker(listed.getState()),
                healthFromStatusText(listed.getStatus()), OptionalInt.empty(), Optional.empty(), Optional.empty(),
                ports(listed), false, Optional.empty(), configHash(listed));
    }

    /** The compose CLI's hash of the definition the container was made from. */
    static Optional<String> configHash(Container listed) {
        return Optional.ofNullable(listed.getLabels()).map(l -> l.get(ComposeLabels.CONFIG_HASH))
                .filter(h -> !h.isBlank());
    }

    /** {@code docker ps} prints "Up 3 minutes (healthy)"; used only when inspect is not available. */
    static HealthStatus healthFromStatusText(String status) {
        if (status == null) {
            return HealthStatus.NONE;
        }
        if (status.contains("(healthy)")) {
            return HealthStatus.HEALTHY;
        }
        if (status.contains("(unhealthy)")) {
            return HealthStatus.UNHEALTHY;
        }
        return status.contains("(health: starting)") ? HealthStatus.STARTING : HealthStatus.NONE;
    }

    static List<PortBinding> ports(Container listed) {
        List<PortBinding> ports = new ArrayList<>();
        ContainerPort[] raw = listed.getPorts();
        if (raw == null) {
            return ports;
        }
        for (ContainerPort p : raw) {
            if (p.getPublicPort() != null && p.getPrivatePort() != null && p.getPublicPort() > 0) {
                PortBinding binding = new PortBinding(p.getIp() == null || p.getIp().equals("0.0.0.0") ? "" : p.getIp(),
                        p.getPublicPort(), p.getPrivatePort(), p.getType());
                // Docker lists a port once per address family; one line per binding is enough.
                if (ports.stream().noneMatch(b -> b.hostPort() == binding.hostPort()
                        && b.protocol().equals(binding.protocol()))) {
                    ports.add(binding);
                }
            }
        }
        return ports;
    }

    static Optional<Instant> time(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            Instant t = Instant.parse(text);
            return t.equals(ZERO_TIME) ? Optional.empty() : Optional.of(t);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> lastHealthOutput(HealthState health) {
        if (health == null || health.getLog() == null || health.getLog().isEmpty()) {
            return Optional.empty();
        }
        HealthStateLog last = health.getLog().getLast();
        String output = last.getOutput() == null ? "" : last.getOutput().strip();
        if (output.length() > MAX_HEALTH_OUTPUT) {
            output = output.substring(output.length() - MAX_HEALTH_OUTPUT);
        }
        return output.isEmpty() ? Optional.empty() : Optional.of(output);
    }
}
