package io.colimaservices.exec;

import io.colimaservices.domain.ShellLauncher;
import io.colimaservices.domain.TerminalApp;
import io.colimaservices.platform.DesktopTerminal;
import io.colimaservices.testing.CliProcess;
import io.colimaservices.testing.ComposeProject;
import io.colimaservices.testing.Sleepers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "Open shell" end to end with a stand-in terminal ({@code $TERMINAL}): the launcher writes its script, the
 * terminal runs it, the script runs the packaged CLI's {@code shell} against the real engine, and what a user types
 * reaches the service's shell.
 */
class TerminalLauncherIT {
    @TempDir
    Path dir;

    @Test
    void theTerminalRunsTheShellCommandAgainstTheService() throws IOException {
        try (ComposeProject project = Sleepers.project(Sleepers.service("box"))) {
            Path output = dir.resolve("terminal-output.txt");
            Path terminal = dir.resolve("stand-in-terminal");
            Files.writeString(terminal, "#!/bin/sh\n"
                    + "# A terminal that takes -e SCRIPT, types one line into it and keeps what it shows.\n"
                    + "[ \"$1\" = -e ] || exit 2\n"
                    + "printf 'echo typed-in-the-terminal; exit 6\\n' | \"$2\" > '" + output + ".part' 2>&1\n"
                    + "echo \"exit:$?\" >> '" + output + ".part'\n"
                    + "mv '" + output + ".part' '" + output + "'\n");
            Files.setPosixFilePermissions(terminal, PosixFilePermissions.fromString("rwx------"));
            Map<String, String> environment = new HashMap<>(CliProcess.environment(
                    Files.createDirectories(dir.resolve("home"))));
            environment.put("TERMINAL", terminal.toString());

            ShellLauncher launcher = new ShellLauncher(
                    () -> Optional.of(CliProcess.command(List.of())),
                    List.of("--project-name", project.name(), "--compose-file", project.file().toString(),
                            "--docker-host", "unix:///var/run/docker.sock"),
                    DesktopTerminal.forSystem(false, environment, dir.resolve("home"), TerminalApp.DEFAULT));
            ShellLauncher.Outcome outcome = launcher.open("box", false);

            assertThat(outcome.opened()).as(outcome.message()).isTrue();
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(output));
            assertThat(Files.readString(output)).contains("typed-in-the-terminal").endsWith("exit:6\n");
        }
    }
}
