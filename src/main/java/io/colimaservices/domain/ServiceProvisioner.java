package io.colimaservices.domain;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Makes containers the way the compose CLI would (it owns the definition: networks, volumes, labels), without
 * starting them: the app starts them itself, in dependency order, and follows their progress.
 */
public interface ServiceProvisioner {

    /**
     * Creates the containers of these services, none of which has one yet, in one go; none is started. Existing
     * containers (of these services' dependencies) are left alone.
     *
     * @param output receives the tool's output lines as they come
     * @throws UserError when the tool fails, naming the services and the tool's last words
     */
    void create(List<ServiceDefinition> services, Consumer<String> output);

    /**
     * Whether a container {@link #create} made may be started while it is still making the others. Not with
     * docker-compose 1.29: while it creates a service, it checks the health of that service's dependencies that run,
     * so a dependency started early would make it wait for that health, or fail on it.
     */
    default boolean mayStartWhileCreating() {
        return false;
    }

    /**
     * Replaces a service's container whose definition changed: the old one is stopped and removed (its volumes are
     * kept and passed on), the new one is not started. Nothing else is touched.
     */
    void recreate(ServiceDefinition service, Consumer<String> output);

    /**
     * The compose CLI's hash of each service's definition, the value it would put in a new container's
     * {@code com.docker.compose.config-hash} label; compared with the label of the running container it tells a
     * changed definition.
     */
    Map<String, String> definitionHashes(List<ServiceDefinition> services);

    /**
     * The same, asked of the CLI itself even when an earlier answer for the same input is remembered: what a "changed"
     * verdict is confirmed with before anything is recreated.
     */
    default Map<String, String> freshDefinitionHashes(List<ServiceDefinition> services) {
        return definitionHashes(services);
    }
}
