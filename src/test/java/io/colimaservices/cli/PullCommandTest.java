package io.colimaservices.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code pull}'s failures that need no engine. */
class PullCommandTest {

    private static Path compose(Path dir) throws IOException {
        Path file = dir.resolve("docker-compose.yml");
        Files.writeString(file, """
                services:
                  a:
                    image: example/a:1
                  b:
                    image: example/b:1
                  c:
                    build: ./c
                """);
        return file;
    }

    @Test
    void anUnreachableEngineIsExitThreeSaidOnce(@TempDir Path dir) throws IOException {
        CliRun run = CliRun.of("--compose-file", compose(dir).toString(), "--docker-host",
                "unix://" + dir.resolve("no-engine.sock"), "pull");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.DOCKER_UNREACHABLE);
        assertThat(run.err()).startsWith("error: Docker unreachable at unix://" + dir.resolve("no-engine.sock"))
                .contains("hint: start Colima");
        assertThat(run.out()).contains("c: skipped, built from source (build:), nothing to pull");
        assertThat(run.out().lines().filter(l -> l.startsWith("FAILED"))).hasSize(1);
    }

    @Test
    void anUnknownTargetIsAConfigurationError(@TempDir Path dir) throws IOException {
        CliRun run = CliRun.of("--compose-file", compose(dir).toString(), "pull", "nope");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE_OR_CONFIG);
        assertThat(run.err()).contains("unknown service or group 'nope'");
    }
}
