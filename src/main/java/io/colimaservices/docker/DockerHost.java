package io.colimaservices.docker;

import java.net.URI;
import java.util.Objects;

/**
 * The Docker address the app uses and where it came from, so that "Docker unreachable" can say which host was
 * tried and why that one.
 */
public record DockerHost(URI uri, String source) {
    public DockerHost {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(source, "source");
    }

    public String display() {
        return uri.toString();
    }
}
