package io.colimaservices.docker;

import io.colimaservices.domain.ServiceDefinition;
import io.colimaservices.domain.ServiceProvisioner;
import io.colimaservices.domain.StackNetwork;
import io.colimaservices.domain.UserError;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns Docker's refusal to create the stack's network because its subnet overlaps another network's into a failure
 * that says which subnet collided and how to pick another. The compose CLI creates the network together with the
 * first service it creates, and passes the daemon's error on: "Pool overlaps with other one on this address space"
 * (libnetwork's {@code ipamapi.ErrPoolOverlap}), as {@code ERROR: ...} (docker-compose 1.29) or inside
 * {@code failed to create network ...: Error response from daemon: [invalid pool request: ]...} (Compose v2).
 * Every other failure passes through unchanged.
 */
public final class PoolOverlapAdvice implements ServiceProvisioner {
    /** The daemon's words, compared without case. */
    static final String DAEMON_TEXT = "pool overlaps with other one on this address space";
    /** A prefix outside Docker's default address pools (172.17-172.31, 192.168), for the example. */
    static final String EXAMPLE_PREFIX = "10.77";

    private final ServiceProvisioner compose;
    private final Optional<StackNetwork> network;
    private final Path envFile;

    /**
     * @param network the stack's network as the catalog read it (its subnet and the variable that sets it)
     * @param envFile the {@code .env} file beside the compose file, where the variable is set
     */
    public PoolOverlapAdvice(ServiceProvisioner compose, Optional<StackNetwork> network, Path envFile) {
        this.compose = compose;
        this.network = network;
        this.envFile = envFile;
    }

    @Override
    public void create(List<ServiceDefinition> services, Consumer<String> output) {
        try {
            compose.create(services, output);
        } catch (UserError e) {
            throw explain(e, network, envFile).orElse(e);
        }
    }

    @Override
    public boolean mayStartWhileCreating() {
        return compose.mayStartWhileCreating();
    }

    @Override
    public void recreate(ServiceDefinition service, Consumer<String> output) {
        try {
            compose.recreate(service, output);
        } catch (UserError e) {
            throw explain(e, network, envFile).orElse(e);
        }
    }

    @Override
    public Map<String, String> definitionHashes(List<ServiceDefinition> services) {
        return compose.definitionHashes(services);
    }

    @Override
    public Map<String, String> freshDefinitionHashes(List<ServiceDefinition> services) {
        return compose.freshDefinitionHashes(services);
    }

    /** The advice for a compose failure that carries the daemon's overlap error; empty for any other failure. */
    static Optional<UserError> explain(UserError failure, Optional<StackNetwork> network, Path envFile) {
        String text = failure.getMessage() == null ? "" : failure.getMessage();
        if (!text.toLowerCase(Locale.ROOT).contains(DAEMON_TEXT)) {
            return Optional.empty();
        }
        String which = network.map(n -> "network " + n.name() + ": its subnet " + n.subnet())
                .orElse("the stack's network: its subnet");
        String how = network.flatMap(StackNetwork::prefixVariable)
                .map(variable -> "set " + variable + " in " + envFile + " to the first two numbers of a /16 that no "
                        + "Docker network and no network your containers reach uses (e.g. " + variable + "="
                        + EXAMPLE_PREFIX + " for " + EXAMPLE_PREFIX + ".0.0/16; every static address follows it), "
                        + "then start again")
                .orElseGet(() -> "give the network another subnet (and its services' addresses in it) in the compose "
                        + "file beside " + envFile.getFileName() + ", then start again");
        String message = "Docker refused to create " + which + " overlaps a network that already exists on this "
                + "engine (\"Pool overlaps with other one on this address space\"). To pick another, " + how
                + ". The subnets in use: docker network inspect --format '{{.Name}} {{range .IPAM.Config}}"
                + "{{.Subnet}} {{end}}' $(docker network ls -q)";
        return Optional.of(new UserError(UserError.Kind.CONFIGURATION, message, "", failure));
    }
}
