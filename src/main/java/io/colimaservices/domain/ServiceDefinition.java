package io.colimaservices.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the compose file says a service is: the part of the stack that should exist, whether or not it runs.
 *
 * @param line    the line of the service's key in the compose file, for messages (0 when unknown)
 * @param oneShot a job that runs once and exits (its exit code is its health), not a daemon
 * @param volumes the named volumes it mounts (their names in the compose file), in file order
 */
public record ServiceDefinition(
        String name,
        ServiceGroup group,
        String image,
        List<PortBinding> ports,
        List<Dependency> dependsOn,
        boolean hasHealthCheck,
        Optional<String> webUiUrl,
        Optional<String> vaultPath,
        TlsCapability tls,
        Optional<ConnectionKind> connection,
        String description,
        Set<String> profiles,
        int line,
        boolean oneShot,
        List<String> volumes) {

    public ServiceDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(group, "group");
        image = image == null ? "" : image;
        ports = List.copyOf(ports);
        dependsOn = List.copyOf(dependsOn);
        Objects.requireNonNull(webUiUrl, "webUiUrl");
        Objects.requireNonNull(vaultPath, "vaultPath");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(connection, "connection");
        description = description == null ? "" : description;
        profiles = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(profiles));
        volumes = List.copyOf(volumes);
    }

    public ServiceDefinition(String name, ServiceGroup group, String image, List<PortBinding> ports,
                             List<Dependency> dependsOn, boolean hasHealthCheck, Optional<String> webUiUrl,
                             Optional<String> vaultPath, TlsCapability tls, Optional<ConnectionKind> connection,
                             String description, Set<String> profiles, int line, boolean oneShot) {
        this(name, group, image, ports, dependsOn, hasHealthCheck, webUiUrl, vaultPath, tls, connection, description,
                profiles, line, oneShot, List.of());
    }

    /** A daemon (not a one-shot job). */
    public ServiceDefinition(String name, ServiceGroup group, String image, List<PortBinding> ports,
                             List<Dependency> dependsOn, boolean hasHealthCheck, Optional<String> webUiUrl,
                             Optional<String> vaultPath, TlsCapability tls, Optional<ConnectionKind> connection,
                             String description, Set<String> profiles, int line) {
        this(name, group, image, ports, dependsOn, hasHealthCheck, webUiUrl, vaultPath, tls, connection, description,
                profiles, line, false);
    }

    /** The same service, marked as a one-shot job. */
    public ServiceDefinition asOneShot() {
        return new ServiceDefinition(name, group, image, ports, dependsOn, hasHealthCheck, webUiUrl, vaultPath, tls,
                connection, description, profiles, line, true, volumes);
    }

    public boolean dependsOn(String other) {
        return dependsOn.stream().anyMatch(d -> d.service().equals(other));
    }

    public Optional<PortBinding> firstPort() {
        return ports.stream().findFirst();
    }
}
