package io.colimaservices.colima;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ColimaPathsTest {
    @TempDir
    Path home;

    @Test
    void candidatesFollowColimasOrder() {
        ColimaPaths paths = new ColimaPaths(Map.of("COLIMA_HOME", "/custom", "XDG_CONFIG_HOME", "/xdg"), home);

        assertThat(paths.candidates()).containsExactly(Path.of("/custom"), home.resolve(".colima"),
                Path.of("/xdg/colima"), home.resolve(".config/colima"));
    }

    @Test
    void firstExistingDirectoryIsUsedForTheSocket() throws IOException {
        Files.createDirectories(home.resolve(".config/colima"));
        ColimaPaths paths = new ColimaPaths(Map.of(), home);

        assertThat(paths.configDir()).isEqualTo(home.resolve(".config/colima"));
        assertThat(paths.socketPath("work")).isEqualTo(home.resolve(".config/colima/work/docker.sock"));
        assertThat(paths.profileDir("work")).isEqualTo(home.resolve(".config/colima/work"));
    }

    @Test
    void danglingSocketLinkCountsAsMissing() throws IOException {
        Path dir = Files.createDirectories(home.resolve(".colima/default"));
        Files.createSymbolicLink(dir.resolve("docker.sock"), home.resolve("gone.sock"));

        assertThat(new ColimaPaths(Map.of(), home).existingSocket("default")).isEmpty();
    }

    @Test
    void dockerContextNamesFollowColimasProfileIds() {
        assertThat(ColimaPaths.dockerContextName("default")).isEqualTo("colima");
        assertThat(ColimaPaths.dockerContextName("work")).isEqualTo("colima-work");
    }
}
