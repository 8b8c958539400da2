package io.colimaservices.domain;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the compose file says a service is: the part of the stack that should exist, whether or not it runs.
 *
 * @param line    the line of the service's key in the compose file, for messages (0 when unknown)
 * @param image    the compose file's {@code image:}, empty when it names none
 * @param oneShot  a job that runs once and exits (its exit code is its health), not a daemon
 * @param hasBuild the service has a {@code build:} section: compose builds its image from source, so nothing is
 *                 pulled for it
 * @param labels   every label of the service as the compose file gives it (interpolated), for the features that
 *                 read one of their own ({@code io.colima-services.client}, ...)
 * @param volumes  the named volumes it mounts (their names in the compose file), in file order
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
        boolean hasBuild,
        Map<String, String> labels,
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
        labels = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(labels));
        volumes = List.copyOf(volumes);
    }

    /** A service whose image comes from a registry (no {@code build:}), without labels or volumes (tests). */
    public ServiceDefinition(String name, ServiceGroup group, String image, List<PortBinding> ports,
                             List<Dependency> dependsOn, boolean hasHealthCheck, Optional<String> webUiUrl,
                             Optional<String> vaultPath, TlsCapability tls, Optional<ConnectionKind> connection,
                             String description, Set<String> profiles, int line, boolean oneShot) {
        this(name, group, image, ports, dependsOn, hasHealthCheck, webUiUrl, vaultPath, tls, connection, description,
                profiles, line, oneShot, false, Map.of(), List.of());
    }

    /** A service whose image comes from a registry, with labels of its own. */
    public ServiceDefinition(String name, ServiceGroup group, String image, List<PortBinding> ports,
                             List<Dependency> dependsOn, boolean hasHealthCheck, Optional<String> webUiUrl,
                             Optional<String> vaultPath, TlsCapability tls, Optional<ConnectionKind> connection,
                             String description, Set<String> profiles, int line, boolean oneShot,
                             Map<String, String> labels) {
        this(name, group, image, ports, dependsOn, hasHealthCheck, webUiUrl, vaultPath, tls, connection, description,
                profiles, line, oneShot, false, labels, List.of());
    }

    /** A service whose image comes from a registry, mounting these named volumes. */
    public ServiceDefinition(String name, ServiceGroup group, String image, List<PortBinding> ports,
                             List<Dependency> dependsOn, boolean hasHealthCheck, Optional<String> webUiUrl,
                             Optional<String> vaultPath, TlsCapability tls, Optional<ConnectionKind> connection,
                             String description, Set<String> profiles, int line, boolean oneShot,
                             List<String> volumes) {
        this(name, group, image, ports, dependsOn, hasHealthCheck, webUiUrl, vaultPath, tls, connection, description,
                profiles, line, oneShot, false, Map.of(), volumes);
    }

    /** Without labels of their own (tests, hand-made definitions). */
    public ServiceDefinition(String name, ServiceGroup group, String image, List<PortBinding> ports,
                             List<Dependency> dependsOn, boolean hasHealthCheck, Optional<String> webUiUrl,
                             Optional<String> vaultPath, TlsCapability tls, Optional<ConnectionKind> connection,
                             String description, Set<String> profiles, int line, boolean oneShot, boolean hasBuild) {
        this(name, group, image, ports, dependsOn, hasHealthCheck, webUiUrl, vaultPath, tls, connection, description,
                profiles, line, oneShot, hasBuild, Map.of(), List.of());
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
                connection, description, profiles, line, true, hasBuild, labels, volumes);
    }

    public boolean dependsOn(String other) {
        return dependsOn.stream().anyMatch(d -> d.service().equals(other));
    }

    /** A label's value, blank counting as absent. */
    public Optional<String> label(String key) {
        return Optional.ofNullable(labels.get(key)).map(String::strip).filter(v -> !v.isEmpty());
    }

    public Optional<PortBinding> firstPort() {
        return ports.stream().findFirst();
    }
}
