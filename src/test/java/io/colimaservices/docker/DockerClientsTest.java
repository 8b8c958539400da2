package io.colimaservices.docker;

import com.github.dockerjava.api.DockerClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DockerClientsTest {

    /**
     * docker-java reads the docker CLI's config.json when a client is built and throws on a file it cannot parse
     * (measured: "Failed to parse docker configuration file"); the app's clients must not depend on that file.
     * docker-java takes DOCKER_CONFIG from the system properties as well as the environment.
     */
    @Test
    void aDockerConfigDockerJavaCannotParseDoesNotStopTheClients(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("config.json"), "{\"credsStore\": \"osxkeychain\", \"auths\": {\"x\": [1,");
        String before = System.getProperty("DOCKER_CONFIG");
        System.setProperty("DOCKER_CONFIG", dir.toString());
        try (DockerClient client = DockerClients.pulling(new DockerHost(URI.create("unix:///nonexistent.sock"),
                "test"))) {
            assertThat(client).isNotNull();
        } finally {
            if (before == null) {
                System.clearProperty("DOCKER_CONFIG");
            } else {
                System.setProperty("DOCKER_CONFIG", before);
            }
        }
    }
}
