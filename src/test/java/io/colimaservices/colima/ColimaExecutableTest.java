package io.colimaservices.colima;

import io.colimaservices.domain.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColimaExecutableTest {
    @TempDir
    Path dir;

    private Path executable(String relative) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void optionWinsOverEverything() throws IOException {
        Path option = executable("option/colima");
        Path env = executable("env/colima");

        ColimaExecutable found = ColimaExecutable.find(Optional.of(option),
                Map.of("COLIMA_BIN", env.toString(), "PATH", env.getParent().toString()), List.of());

        assertThat(found.path()).contains(option.toAbsolutePath());
        assertThat(found.source()).isEqualTo("--colima");
    }

    @Test
    void colimaBinBeforePathBeforeHomebrew() throws IOException {
        Path env = executable("env/colima");
        Path onPath = executable("path/colima");
        Path brew = executable("brew/colima");

        assertThat(ColimaExecutable.find(Optional.empty(), Map.of("COLIMA_BIN", env.toString(),
                "PATH", onPath.getParent().toString()), List.of(brew)).source()).isEqualTo("COLIMA_BIN");
        ColimaExecutable fromPath = ColimaExecutable.find(Optional.empty(),
                Map.of("PATH", dir.resolve("empty") + ":" + onPath.getParent()), List.of(brew));
        assertThat(fromPath.path()).contains(onPath);
        assertThat(fromPath.describe()).isEqualTo(onPath + " (PATH)");
        assertThat(ColimaExecutable.find(Optional.empty(), Map.of("PATH", "/nonexistent"), List.of(brew)).path())
                .contains(brew);
    }

    @Test
    void notInstalledListsWhereItLooked() {
        ColimaExecutable none = ColimaExecutable.find(Optional.empty(), Map.of("PATH", "/nonexistent"),
                List.of(Path.of("/opt/homebrew/bin/colima")));

        assertThat(none.installed()).isFalse();
        assertThat(none.describe()).isEqualTo("not installed (looked in PATH, /opt/homebrew/bin/colima)");
    }

    @Test
    void explicitChoiceThatIsNotExecutableIsAConfigurationError() throws IOException {
        Path plain = Files.writeString(dir.resolve("colima"), "not a program");

        assertThatThrownBy(() -> ColimaExecutable.find(Optional.of(plain), Map.of(), List.of()))
                .isInstanceOfSatisfying(UserError.class, e -> {
                    assertThat(e.kind()).isEqualTo(UserError.Kind.CONFIGURATION);
                    assertThat(e.getMessage()).isEqualTo("--colima " + plain + ": not an executable file");
                });
        assertThatThrownBy(() -> ColimaExecutable.find(Optional.empty(),
                Map.of("COLIMA_BIN", dir.resolve("missing").toString()), List.of()))
                .hasMessageStartingWith("COLIMA_BIN " + dir.resolve("missing") + ": not an executable file");
    }
}
