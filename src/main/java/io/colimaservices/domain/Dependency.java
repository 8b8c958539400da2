package io.colimaservices.domain;

import java.util.Objects;

/** One {@code depends_on} entry: the service waited for and what is waited for. */
public record Dependency(String service, DependencyCondition condition) {
    public Dependency {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(condition, "condition");
    }
}
