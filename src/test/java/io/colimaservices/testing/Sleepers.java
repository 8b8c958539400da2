package io.colimaservices.testing;

import io.colimaservices.docker.DockerExec;
import io.colimaservices.docker.DockerHost;

import java.net.URI;

/** Compose services that only sleep (for exec tests to run commands in), and an exec adapter on the test engine. */
public final class Sleepers {
    private Sleepers() {
    }

    /** One service of the test image, no network, sleeping an hour; {@code extra} lines go under it as they are. */
    public static String service(String name, String... extra) {
        StringBuilder yaml = new StringBuilder("  ").append(name).append(":\n")
                .append("    image: ${IMAGE}\n    network_mode: none\n    command: [\"sleep\", \"3600\"]\n");
        for (String line : extra) {
            yaml.append("    ").append(line).append('\n');
        }
        return yaml.toString();
    }

    /** A project of {@code services} (from {@link #service}), created and started. */
    public static ComposeProject project(String... services) {
        ComposeProject project = ComposeProject.create("services:\n" + String.join("", services));
        project.up(java.util.Arrays.stream(services).map(s -> s.strip().substring(0, s.strip().indexOf(':')))
                .toArray(String[]::new));
        return project;
    }

    /** The exec adapter on the shared engine's socket. */
    public static DockerExec exec() {
        return new DockerExec(new DockerHost(URI.create("unix:///var/run/docker.sock"), "test"));
    }
}
