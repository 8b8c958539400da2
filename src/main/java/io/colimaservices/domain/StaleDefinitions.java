package io.colimaservices.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which containers were made from a definition that has changed since: the compose CLI's hash of the service's
 * definition now differs from the {@code com.docker.compose.config-hash} label the CLI put on the container. Compose
 * itself decides so; its {@code --no-recreate} never acts on it, the app's {@code up} does.
 */
public final class StaleDefinitions {
    private StaleDefinitions() {
    }

    /** The catalog's services that have a container, whose definition hash the CLI is to be asked for. */
    public static List<ServiceDefinition> withContainers(StackSnapshot snapshot) {
        return snapshot.catalog().services().stream()
                .filter(d -> snapshot.status(d.name()).containerId().isPresent()).toList();
    }

    /**
     * The running services whose definition changed since their container was made: one compose call, none when
     * nothing runs.
     *
     * @throws UserError when the compose CLI cannot tell
     */
    public static Set<String> ofRunning(StackSnapshot snapshot, ServiceProvisioner provisioner) {
        List<ServiceDefinition> running = withContainers(snapshot).stream()
                .filter(d -> snapshot.status(d.name()).isRunning()).toList();
        return check(snapshot, running, provisioner);
    }

    /**
     * The services among {@code definitions} (each with a container) whose definition changed. A remembered answer
     * may say "unchanged" by itself; a "changed" is confirmed by asking the CLI afresh, so that a stale memory never
     * recreates a container.
     */
    public static Set<String> check(StackSnapshot snapshot, List<ServiceDefinition> definitions,
                                    ServiceProvisioner provisioner) {
        if (definitions.isEmpty()) {
            return Set.of();
        }
        Set<String> stale = of(snapshot, provisioner.definitionHashes(definitions));
        if (stale.isEmpty()) {
            return stale;
        }
        List<ServiceDefinition> suspects = definitions.stream().filter(d -> stale.contains(d.name())).toList();
        return of(snapshot, provisioner.freshDefinitionHashes(suspects));
    }

    /** The services whose container's label differs from {@code hashes} (a container without a label is left out). */
    public static Set<String> of(StackSnapshot snapshot, Map<String, String> hashes) {
        Set<String> stale = new LinkedHashSet<>();
        for (ServiceStatus status : snapshot.services().values()) {
            Optional<String> label = status.configHash();
            String now = hashes.get(status.service());
            if (status.containerId().isPresent() && label.isPresent() && now != null && !now.equals(label.get())) {
                stale.add(status.service());
            }
        }
        return stale;
    }
}
