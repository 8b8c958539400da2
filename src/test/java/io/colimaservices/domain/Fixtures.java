package io.colimaservices.domain;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Small catalogs and statuses for unit tests. */
public final class Fixtures {
    private Fixtures() {
    }

    public static ServiceDefinition service(String name, ServiceGroup group, Dependency... deps) {
        return new ServiceDefinition(name, group, "example/" + name + ":1", List.of(PortBinding.tcp(1000 + name.length(),
                1000)), List.of(deps), true, Optional.empty(), Optional.empty(), TlsCapability.NONE, Optional.empty(),
                name + " service", Set.of(), 1);
    }

    /** A service in these compose profiles (tiers). */
    public static ServiceDefinition tiered(String name, ServiceGroup group, String... profiles) {
        return new ServiceDefinition(name, group, "example/" + name + ":1", List.of(), List.of(), false,
                Optional.empty(), Optional.empty(), TlsCapability.NONE, Optional.empty(), name + " service",
                Set.of(profiles), 1);
    }

    /** vault (no profile), postgres (minimal+), redis (standard+), grafana (full), shop (reference), lab (lab). */
    public static Catalog tieredStack() {
        return new Catalog(Path.of("/stack/docker-compose.yml"), List.of(
                tiered("vault", ServiceGroup.SECRETS),
                tiered("postgres", ServiceGroup.DATA, "minimal", "standard", "full"),
                tiered("redis", ServiceGroup.DATA, "standard", "full"),
                tiered("grafana", ServiceGroup.OBSERVABILITY, "full"),
                tiered("shop", ServiceGroup.APPS, "reference"),
                tiered("lab", ServiceGroup.APPS, "lab")));
    }

    public static Dependency healthy(String name) {
        return new Dependency(name, DependencyCondition.SERVICE_HEALTHY);
    }

    /** vault <- postgres <- forgejo, vault <- redis; grafana alone. */
    public static Catalog smallStack() {
        return new Catalog(Path.of("/stack/docker-compose.yml"), List.of(
                service("vault", ServiceGroup.SECRETS),
                service("postgres", ServiceGroup.DATA, healthy("vault")),
                service("redis", ServiceGroup.DATA, healthy("vault")),
                service("forgejo", ServiceGroup.GIT, healthy("postgres")),
                service("grafana", ServiceGroup.OBSERVABILITY)));
    }

    public static ServiceStatus running(String name, HealthStatus health) {
        return new ServiceStatus(name, Optional.of("id-" + name), ContainerState.RUNNING, health, OptionalInt.empty(),
                Optional.of(Instant.parse("2026-11-27T10:00:00Z")), Optional.empty(), List.of(), false,
                Optional.empty());
    }

    public static ServiceStatus exited(String name, int code) {
        return new ServiceStatus(name, Optional.of("id-" + name), ContainerState.EXITED, HealthStatus.NONE,
                OptionalInt.of(code), Optional.empty(), Optional.of(Instant.parse("2026-11-27T10:05:00Z")), List.of(),
                false, Optional.empty());
    }

    public static StackSnapshot snapshot(Catalog catalog, ServiceStatus... statuses) {
        return StackSnapshot.initial("colima-services", catalog, Optional.empty(), "unix:///var/run/docker.sock",
                        "http://127.0.0.1:8200", "default")
                .withListing(EngineInfo.reachable("unix:///var/run/docker.sock", "28.0.1"), List.of(statuses));
    }
}
