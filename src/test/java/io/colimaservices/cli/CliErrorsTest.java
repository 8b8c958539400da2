package io.colimaservices.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Expected failures are one line on stderr with their exit code; never a stack trace. */
class CliErrorsTest {

    @Test
    void malformedComposeFileIsOneLineWithFileAndLineAndExitTwo(@TempDir Path dir) throws IOException {
        Path compose = dir.resolve("docker-compose.yml");
        Files.writeString(compose, "services:\n  vault:\n    image: [unclosed\n    ports: []\n");

        CliRun run = CliRun.of("--compose-file", compose.toString(), "status");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("error: " + compose + ":4: invalid YAML");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void badDependencyIsNamedBeforeDockerIsAsked(@TempDir Path dir) throws IOException {
        Path compose = dir.resolve("docker-compose.yml");
        Files.writeString(compose, """
                services:
                  api:
                    image: example/api:1
                    depends_on: [db]
                """);

        CliRun run = CliRun.of("--compose-file", compose.toString(), "--docker-host", "unix:///nope.sock", "groups");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: " + compose + ":4: service 'api' depends on unknown service 'db'"
                + System.lineSeparator());
    }

    @Test
    void unknownOptionIsUsageErrorTwo() {
        CliRun run = CliRun.of("status", "--jsonn");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--jsonn'");
    }

    @Test
    void badDockerHostIsConfigurationError(@TempDir Path dir) throws IOException {
        Path compose = dir.resolve("docker-compose.yml");
        Files.writeString(compose, "services:\n  a:\n    image: busybox:1.37\n");

        CliRun run = CliRun.of("--compose-file", compose.toString(), "--docker-host", "http://x", "status");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: --docker-host 'http://x' is not a Docker host");
    }

    @Test
    void groupsJsonListsEachGroupWithItsServices(@TempDir Path dir) throws IOException {
        Path compose = dir.resolve("docker-compose.yml");
        Files.writeString(compose, """
                services:
                  vault:
                    image: hashicorp/vault:1.18.5
                    labels: {io.colima-services.group: secrets}
                  postgres:
                    image: postgres:18.1
                    labels: {io.colima-services.group: data}
                    depends_on: {vault: {condition: service_healthy}}
                """);

        CliRun run = CliRun.of("--compose-file", compose.toString(), "groups", "--json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().replaceAll("\\s", ""))
                .contains("{\"name\":\"secrets\",\"services\":[{\"name\":\"vault\",\"dependsOn\":[],\"profiles\":[]}]}")
                .contains("{\"name\":\"data\",\"services\":[{\"name\":\"postgres\",\"dependsOn\":[\"vault\"]");
    }
}
