package io.colimaservices.domain;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The stack as the compose file defines it: services in file order, their groups and dependencies.
 * Immutable; a changed file makes a new catalog. Loaded by the {@code catalog} package, which guarantees that
 * every dependency names a known service and that the dependencies have no cycle.
 */
public final class Catalog {
    private final List<Path> files;
    private final Map<String, ServiceDefinition> services;
    private final Optional<StackNetwork> network;

    public Catalog(Path source, List<ServiceDefinition> services) {
        this(List.of(source), services);
    }

    /**
     * @param files the compose files read, main file first (then {@code docker-compose.override.yml} if present):
     *              the compose CLI must be given the same ones
     */
    public Catalog(List<Path> files, List<ServiceDefinition> services) {
        this(files, services, Optional.empty());
    }

    /** @param network the network with a fixed subnet the services sit on, when the compose file declares one */
    public Catalog(List<Path> files, List<ServiceDefinition> services, Optional<StackNetwork> network) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("a catalog comes from at least one file");
        }
        this.files = List.copyOf(files);
        Map<String, ServiceDefinition> byName = new LinkedHashMap<>();
        for (ServiceDefinition s : services) {
            if (byName.putIfAbsent(s.name(), s) != null) {
                throw new IllegalArgumentException("duplicate service " + s.name());
            }
        }
        this.services = java.util.Collections.unmodifiableMap(byName);
        this.network = java.util.Objects.requireNonNull(network, "network");
    }

    /** An empty catalog, for a face that has to start before (or without) a valid compose file. */
    public static Catalog empty(Path source) {
        return new Catalog(source, List.of());
    }

    /** The main compose file. */
    public Path source() {
        return files.getFirst();
    }

    public List<Path> files() {
        return files;
    }

    public List<ServiceDefinition> services() {
        return List.copyOf(services.values());
    }

    public List<String> serviceNames() {
        return List.copyOf(services.keySet());
    }

    public Optional<ServiceDefinition> service(String name) {
        return Optional.ofNullable(services.get(name));
    }

    /** The stack's network: its subnet, gateway and the services' static addresses on it. */
    public Optional<StackNetwork> network() {
        return network;
    }

    /** The service's static address on the stack's network, if the compose file gives it one. */
    public Optional<String> staticAddress(String service) {
        return network.flatMap(n -> n.address(service));
    }

    public boolean contains(String name) {
        return services.containsKey(name);
    }

    /**
     * Groups in their order (the five known ones first, then the others alphabetically), each with its services in
     * file order; empty groups are left out.
     */
    public Map<ServiceGroup, List<ServiceDefinition>> groups() {
        Map<ServiceGroup, List<ServiceDefinition>> groups = new TreeMap<>();
        for (ServiceDefinition s : services.values()) {
            groups.computeIfAbsent(s.group(), g -> new ArrayList<>()).add(s);
        }
        groups.replaceAll((g, list) -> List.copyOf(list));
        return java.util.Collections.unmodifiableMap(groups);
    }

    public List<ServiceDefinition> group(ServiceGroup group) {
        return groups().getOrDefault(group, List.of());
    }

    /**
     * Turns command-line targets (group labels or service names) into service names, in file order.
     *
     * @throws UserError naming the first target that is neither
     */
    public Set<String> resolveTargets(Collection<String> targets) {
        Set<String> wanted = new LinkedHashSet<>();
        for (String target : targets) {
            if (services.containsKey(target)) {
                wanted.add(target);
                continue;
            }
            Optional<ServiceGroup> group = ServiceGroup.fromLabel(target);
            if (group.isPresent() && !group(group.get()).isEmpty()) {
                group(group.get()).forEach(s -> wanted.add(s.name()));
                continue;
            }
            throw new UserError(UserError.Kind.CONFIGURATION,
                    "unknown service or group '" + target + "' in " + source(),
                    "groups: " + String.join(", ", groups().keySet().stream().map(ServiceGroup::label).toList()));
        }
        return inFileOrder(wanted);
    }

    /** The given services plus everything they transitively depend on. */
    public Set<String> withDependencies(Collection<String> names) {
        Set<String> seen = new LinkedHashSet<>();
        ArrayList<String> todo = new ArrayList<>(names);
        while (!todo.isEmpty()) {
            String name = todo.removeLast();
            if (seen.add(name)) {
                service(name).ifPresent(s -> s.dependsOn().forEach(d -> todo.add(d.service())));
            }
        }
        return inFileOrder(seen);
    }

    /** The given services plus everything that transitively depends on them. */
    public Set<String> withDependents(Collection<String> names) {
        Set<String> seen = new LinkedHashSet<>(names);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ServiceDefinition s : services.values()) {
                if (!seen.contains(s.name()) && s.dependsOn().stream().anyMatch(d -> seen.contains(d.service()))) {
                    seen.add(s.name());
                    grew = true;
                }
            }
        }
        return inFileOrder(seen);
    }

    /**
     * The given services ordered so that each comes after the services it depends on (dependencies outside the
     * set are ignored); ties keep file order. The catalog has no cycles, so this always succeeds.
     */
    public List<String> startOrder(Collection<String> names) {
        Set<String> subset = inFileOrder(new LinkedHashSet<>(names));
        List<String> order = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < subset.size()) {
            boolean progressed = false;
            for (String name : subset) {
                if (!placed.contains(name) && dependenciesPlaced(name, subset, placed)) {
                    placed.add(name);
                    order.add(name);
                    progressed = true;
                }
            }
            if (!progressed) {
                throw new IllegalStateException("dependency cycle among " + subset);
            }
        }
        return List.copyOf(order);
    }

    /** The reverse of {@link #startOrder}: dependents before what they depend on. */
    public List<String> stopOrder(Collection<String> names) {
        return startOrder(names).reversed();
    }

    private boolean dependenciesPlaced(String name, Set<String> subset, Set<String> placed) {
        return services.get(name).dependsOn().stream()
                .map(Dependency::service)
                .filter(subset::contains)
                .allMatch(placed::contains);
    }

    private Set<String> inFileOrder(Set<String> names) {
        Set<String> ordered = new LinkedHashSet<>();
        services.keySet().stream().filter(names::contains).forEach(ordered::add);
        names.stream().filter(n -> !services.containsKey(n)).forEach(ordered::add);
        return ordered;
    }

    @Override
    public String toString() {
        return "Catalog[" + source() + ", " + services.size() + " services]";
    }
}
