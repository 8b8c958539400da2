package io.colimaservices.domain;

import java.util.Arrays;
import java.util.Optional;

/** The {@code depends_on} conditions of the compose specification. */
public enum DependencyCondition {
    SERVICE_STARTED("service_started"),
    SERVICE_HEALTHY("service_healthy"),
    SERVICE_COMPLETED_SUCCESSFULLY("service_completed_successfully");

    private final String composeName;

    DependencyCondition(String composeName) {
        this.composeName = composeName;
    }

    public String composeName() {
        return composeName;
    }

    public static Optional<DependencyCondition> fromComposeName(String name) {
        return Arrays.stream(values()).filter(c -> c.composeName.equals(name)).findFirst();
    }
}
