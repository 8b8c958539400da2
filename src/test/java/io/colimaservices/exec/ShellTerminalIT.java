package io.colimaservices.exec;

import io.colimaservices.testing.CliProcess;
import io.colimaservices.testing.ComposeProject;
import io.colimaservices.testing.Processes;
import io.colimaservices.testing.Sleepers;
import io.colimaservices.testing.TestDocker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The interactive path through a real terminal: tmux runs {@code shell SERVICE} in a pseudo-terminal of a known
 * size, types into it and reads its screen, resizes its window (the kernel sends SIGWINCH), and checks that the
 * terminal's mode is what it was after the shell ended.
 */
class ShellTerminalIT {
    private ComposeProject project;
    private Path dir;
    private Path socket;

    @BeforeEach
    void up() throws IOException {
        TestDocker.require();
        if (Processes.run(null, 10, "tmux", "-V").exitCode() != 0) {
            throw new AssertionError("tmux is missing: install it (see .ci/run)");
        }
        project = Sleepers.project(Sleepers.service("box"));
        dir = Files.createTempDirectory("cs-tmux");
        socket = dir.resolve("tmux.sock");
    }

    @AfterEach
    void down() {
        if (socket != null) {
            Processes.run(null, 10, "tmux", "-S", socket.toString(), "kill-server");
        }
        if (project != null) {
            project.close();
        }
        if (dir != null) {
            Processes.run(null, 10, "rm", "-rf", dir.toString());
        }
    }

    private Processes.Result tmux(String... args) {
        List<String> command = new ArrayList<>(List.of("tmux", "-S", socket.toString()));
        command.addAll(List.of(args));
        return Processes.run(null, 10, command.toArray(String[]::new));
    }

    private String screen() {
        return tmux("capture-pane", "-p", "-t", "t").output();
    }

    private void awaitScreen(String text) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(screen()).contains(text));
    }

    private void type(String line) {
        tmux("send-keys", "-t", "t", "-l", line).orFail("send-keys");
        tmux("send-keys", "-t", "t", "Enter").orFail("send-keys");
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    @Test
    void anInteractiveShellGetsATerminalThatFollowsTheWindow() throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        String environment = CliProcess.environment(home).entrySet().stream()
                .map(Map.Entry::getKey).map(k -> k + "=" + quote(CliProcess.environment(home).get(k)))
                .collect(Collectors.joining(" "));
        List<String> cli = new ArrayList<>(CliProcess.command(List.of("shell", "--compose-file",
                project.file().toString(), "--project-name", project.name(), "box")));
        String run = "env " + environment + " " + cli.stream().map(ShellTerminalIT::quote)
                .collect(Collectors.joining(" "));
        Path script = dir.resolve("session.sh");
        Files.writeString(script, "before=$(stty -g)\n" + run + "\nrc=$?\n"
                + "[ \"$before\" = \"$(stty -g)\" ] && echo TERMINAL-RESTORED\necho EXITED:$rc\nsleep 600\n");
        tmux("new-session", "-d", "-s", "t", "-x", "80", "-y", "24", "sh " + quote(script.toString()))
                .orFail("tmux new-session");

        awaitScreen("/ #");
        type("busybox stty size");
        awaitScreen("24 80");

        // The new size reaches the container a few ms after the window changed: the shell waits for it.
        tmux("resize-window", "-t", "t", "-x", "100", "-y", "30").orFail("resize-window");
        type("until [ \"$(busybox stty size)\" = '30 100' ]; do sleep 0.1; done; echo RESIZED-TO-$(busybox stty size | tr ' ' x)");
        awaitScreen("RESIZED-TO-30x100");

        // Raw mode: Ctrl-C goes through to the container's shell (which drops the line typed so far) instead of
        // interrupting this end.
        tmux("send-keys", "-t", "t", "-l", "echo never-run").orFail("send-keys");
        tmux("send-keys", "-t", "t", "C-c").orFail("send-keys C-c");
        type("echo still-$((40 + 2))");
        awaitScreen("still-42");
        assertThat(screen()).doesNotContain("EXITED").doesNotContain("\nnever-run");

        type("exit 7");
        awaitScreen("EXITED:7");
        assertThat(screen()).contains("TERMINAL-RESTORED");
    }
}
