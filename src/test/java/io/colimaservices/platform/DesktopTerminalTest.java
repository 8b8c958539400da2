package io.colimaservices.platform;

import io.colimaservices.domain.TerminalApp;
import io.colimaservices.domain.UserError;
import io.colimaservices.testing.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How each terminal is asked to run the shell's script (macOS: the commands only, with app bundles in a temporary
 * folder; they run on a Mac), the Linux choice of terminal, a missing terminal, and the script itself.
 */
class DesktopTerminalTest {
    @TempDir
    Path dir;
    private final List<List<String>> started = new ArrayList<>();

    private DesktopTerminal mac(TerminalApp choice, String... bundles) throws IOException {
        Path applications = Files.createDirectories(dir.resolve("Applications"));
        for (String bundle : bundles) {
            Files.createDirectories(applications.resolve(bundle));
        }
        return new DesktopTerminal(true, Map.of(), choice, dir.resolve("home"), List.of(applications),
                Files.createDirectories(dir.resolve("tmp")), command -> {
                    started.add(command);
                    return Optional.empty();
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "TERMINAL  | Terminal.app  | open -a APPS/Terminal.app SCRIPT",
        "ITERM2    | iTerm.app     | open -a APPS/iTerm.app SCRIPT",
        "GHOSTTY   | Ghostty.app   | APPS/Ghostty.app/Contents/MacOS/ghostty --command=SCRIPT",
        "WEZTERM   | WezTerm.app   | APPS/WezTerm.app/Contents/MacOS/wezterm start -- SCRIPT",
        "KITTY     | kitty.app     | APPS/kitty.app/Contents/MacOS/kitty SCRIPT",
        "ALACRITTY | Alacritty.app | APPS/Alacritty.app/Contents/MacOS/alacritty -e SCRIPT"})
    void eachMacTerminalRunsTheScript(TerminalApp choice, String bundle, String expected) throws IOException {
        mac(choice, bundle).open("db shell", List.of("colima-services", "shell", "db"));
        List<String> command = started.getFirst();
        String script = command.getLast().replace("--command=", "");
        assertThat(String.join(" ", command).replace(script, "SCRIPT")
                .replace(dir.resolve("Applications").toString(), "APPS")).isEqualTo(expected);
        assertThat(Files.readString(Path.of(script))).endsWith("exec colima-services shell db\n");
    }

    @Test
    void warpGetsALaunchConfigurationNamingTheScript() throws IOException {
        mac(TerminalApp.WARP, "Warp.app").open("db shell", List.of("colima-services", "shell", "db"));
        assertThat(started.getFirst()).containsExactly("open", "warp://launch/colima-services-shell.yaml");
        String yaml = Files.readString(dir.resolve("home/.warp/launch_configurations/colima-services-shell.yaml"));
        assertThat(yaml).contains("- exec: " + dir.resolve("tmp")).contains("colima-services-shell-");
    }

    @Test
    void aMissingMacTerminalSaysWhereItLooked() throws IOException {
        DesktopTerminal terminal = mac(TerminalApp.GHOSTTY, "Terminal.app");
        assertThatThrownBy(() -> terminal.open("t", List.of("x")))
                .isInstanceOfSatisfying(UserError.class, e -> {
                    assertThat(e.kind()).isEqualTo(UserError.Kind.CONFIGURATION);
                    assertThat(e.hint()).isEqualTo("choose another terminal in Preferences");
                })
                .hasMessageStartingWith("Ghostty is not installed (no Ghostty.app in ");
        try (var left = Files.list(dir.resolve("tmp"))) {
            assertThat(left).as("no script left behind").isEmpty();
        }
    }

    private DesktopTerminal linux(Map<String, String> environment) throws IOException {
        return new DesktopTerminal(false, environment, TerminalApp.GHOSTTY, dir, List.of(),
                Files.createDirectories(dir.resolve("tmp")), command -> {
                    started.add(command);
                    return Optional.empty();
                });
    }

    private Path executable(String name) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }

    @Test
    void linuxUsesTerminalFromTheEnvironmentThenXTerminalEmulator() throws IOException {
        Path kitty = executable("kitty");
        Path fallback = executable("x-terminal-emulator");
        String path = dir.resolve("bin").toString();
        linux(Map.of("PATH", path, "TERMINAL", "kitty")).open("t", List.of("x"));
        linux(Map.of("PATH", path)).open("t", List.of("x"));
        assertThat(started.get(0).subList(0, 2)).containsExactly(kitty.toString(), "-e");
        assertThat(started.get(1).subList(0, 2)).containsExactly(fallback.toString(), "-e");
    }

    @Test
    void linuxWithoutATerminalSaysSo() throws IOException {
        assertThatThrownBy(() -> linux(Map.of("PATH", dir.toString())).open("t", List.of("x")))
                .isInstanceOf(UserError.class)
                .hasMessage("no terminal found: TERMINAL is not set and x-terminal-emulator is not on PATH");
        assertThatThrownBy(() -> linux(Map.of("PATH", dir.toString(), "TERMINAL", "nope")).open("t", List.of("x")))
                .hasMessage("the terminal 'nope' (TERMINAL) is not an executable on PATH");
    }

    @Test
    void aTerminalThatFailsAtOnceIsReported() throws IOException {
        executable("x-terminal-emulator");
        DesktopTerminal failing = new DesktopTerminal(false, Map.of("PATH", dir.resolve("bin").toString()),
                TerminalApp.DEFAULT, dir, List.of(), Files.createDirectories(dir.resolve("tmp")),
                command -> Optional.of(1));
        assertThatThrownBy(() -> failing.open("t", List.of("x"))).hasMessageContaining("exited with 1");
    }

    @Test
    void theScriptIsPrivateRunsTheCommandQuotedAndDeletesItself() throws IOException {
        linux(Map.of("PATH", dir.resolve("bin").toString(), "TERMINAL", executable("term").toString()))
                .open("db shell", List.of("printf", "%s|", "two words", "it's"));
        Path script = Path.of(started.getFirst().getLast());
        assertThat(Files.getPosixFilePermissions(script)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        Processes.Result ran = Processes.run(null, 10, "sh", script.toString());
        assertThat(ran.output()).endsWith("two words|it's|");
        assertThat(script).doesNotExist();
    }
}
