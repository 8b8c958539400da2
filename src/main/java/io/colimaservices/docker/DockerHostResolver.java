package io.colimaservices.docker;

import io.colimaservices.domain.UserError;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Chooses the Docker host: {@code --docker-host}, then {@code DOCKER_HOST}, then the active Colima profile's
 * socket (when it exists), then {@code /var/run/docker.sock}.
 */
public final class DockerHostResolver {
    public static final String DEFAULT_SOCKET = "/var/run/docker.sock";

    private final Map<String, String> environment;
    private final Supplier<Optional<Path>> colimaSocket;

    /**
     * @param colimaSocket the socket of the active Colima profile if it exists on disk (asked lazily, only when
     *                     neither the option nor {@code DOCKER_HOST} decide)
     */
    public DockerHostResolver(Map<String, String> environment, Supplier<Optional<Path>> colimaSocket) {
        this.environment = Map.copyOf(environment);
        this.colimaSocket = colimaSocket;
    }

    public DockerHost resolve(Optional<String> option) {
        if (option.isPresent() && !option.get().isBlank()) {
            return new DockerHost(parse(option.get(), "--docker-host"), "--docker-host");
        }
        String env = environment.get("DOCKER_HOST");
        if (env != null && !env.isBlank()) {
            return new DockerHost(parse(env, "DOCKER_HOST"), "DOCKER_HOST");
        }
        Optional<Path> colima = colimaSocket.get();
        if (colima.isPresent()) {
            return new DockerHost(URI.create("unix://" + colima.get().toAbsolutePath()), "Colima profile socket");
        }
        return new DockerHost(URI.create("unix://" + DEFAULT_SOCKET), "default socket");
    }

    static URI parse(String value, String origin) {
        String text = value.strip();
        if (text.startsWith("/")) {
            text = "unix://" + text;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equals("unix") || scheme.equals("tcp") || scheme.equals("npipe"))) {
                throw new UserError(UserError.Kind.CONFIGURATION,
                        origin + " '" + value + "' is not a Docker host", "use unix:///path/to/docker.sock or tcp://host:port");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UserError(UserError.Kind.CONFIGURATION, origin + " '" + value + "' is not a valid URI",
                    "use unix:///path/to/docker.sock or tcp://host:port", e);
        }
    }
}
