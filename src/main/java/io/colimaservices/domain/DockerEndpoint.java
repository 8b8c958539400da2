package io.colimaservices.domain;

/**
 * The Docker engine the app talks to, as the user would write it, and where that choice came from
 * ({@code --docker-host}, {@code DOCKER_HOST}, the Colima profile's socket, the default socket).
 */
public record DockerEndpoint(String uri, String source) {
}
