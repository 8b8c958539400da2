package io.colimaservices.domain;

import java.util.Objects;
import java.util.Optional;

/** A service's container as an exec needs it: the running one if any, else the newest, else none. */
public record ExecTarget(String service, Optional<String> containerId, ContainerState state) {
    public ExecTarget {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(containerId, "containerId");
        Objects.requireNonNull(state, "state");
    }

    public boolean isRunning() {
        return state == ContainerState.RUNNING && containerId.isPresent();
    }
}
