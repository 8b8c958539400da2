package io.colimaservices.exec;

import io.colimaservices.testing.CliProcess;
import io.colimaservices.testing.ComposeProject;
import io.colimaservices.testing.Processes;
import io.colimaservices.testing.Sleepers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code shell} as a script or a person runs it: the packaged CLI as a process on the real engine, with its exit
 * codes (the command's own, 125/126/127 as docker has them), stdout and stderr apart, stdin forwarded.
 */
class ShellCommandIT {
    private static ComposeProject project;

    @BeforeAll
    static void up() {
        project = Sleepers.project(
                Sleepers.service("box", "labels:", "  io.colima-services.client: \"echo client for $$(cat /tmp/user) with\""),
                Sleepers.service("withbash"),
                "  stopped:\n    image: ${IMAGE}\n    network_mode: none\n    command: [\"true\"]\n");
        docker("exec", project.containerId("box"), "sh", "-c", "printf dev_user > /tmp/user");
        // A stand-in bash: says who it is, then is a shell.
        docker("exec", project.containerId("withbash"), "sh", "-c",
                "printf '#!/bin/sh\\necho I am bash\\nexec sh \"$@\"\\n' > /bin/bash && chmod 755 /bin/bash");
    }

    @AfterAll
    static void down() {
        if (project != null) {
            project.close();
        }
    }

    private static void docker(String... args) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        Processes.run(null, 30, command.toArray(String[]::new)).orFail(String.join(" ", command));
    }

    private static CliProcess.Result shell(byte[] stdin, String... args) {
        List<String> all = new ArrayList<>(List.of("shell", "--compose-file", project.file().toString(),
                "--project-name", project.name()));
        all.addAll(List.of(args));
        return CliProcess.run(all, stdin, 60);
    }

    @Test
    void theCommandsExitCodeIsPassedThrough() {
        assertThat(shell(null, "box", "--", "sh", "-c", "exit 3").exitCode()).isEqualTo(3);
        assertThat(shell(null, "box", "--", "true").exitCode()).isZero();
    }

    @Test
    void stdoutAndStderrStayApart() {
        CliProcess.Result result = shell(null, "box", "--", "sh", "-c", "echo to-out; echo to-err >&2");
        assertThat(result.out()).isEqualTo("to-out\n");
        assertThat(result.stderr()).isEqualTo("to-err\n");
    }

    @Test
    void stdinIsForwarded() {
        CliProcess.Result result = shell("hi\n".getBytes(StandardCharsets.UTF_8), "box", "--", "cat");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("hi\n");
    }

    @Test
    void binaryDataPassesUnchanged() {
        byte[] data = new byte[3 * 1024 * 1024 + 17];
        new SplittableRandom(18).nextBytes(data);
        CliProcess.Result result = shell(data, "box", "--", "cat");
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo(data);
    }

    @Test
    void aScriptOnStdinRunsInTheShell() {
        CliProcess.Result result = shell("echo from the script; exit 4\n".getBytes(StandardCharsets.UTF_8), "box");
        assertThat(result.out()).isEqualTo("from the script\n");
        assertThat(result.exitCode()).isEqualTo(4);
    }

    @Test
    void bashIsPreferredWhenTheImageHasIt() {
        CliProcess.Result result = shell("echo after\n".getBytes(StandardCharsets.UTF_8), "withbash");
        assertThat(result.out()).isEqualTo("I am bash\nafter\n");
    }

    @Test
    void aStoppedServiceIs125WithAMessageAndAHint() {
        CliProcess.Result result = shell(null, "stopped", "--", "true");
        assertThat(result.exitCode()).isEqualTo(125);
        assertThat(result.stderr()).isEqualTo("error: stopped is not running (exited)\nhint: start it first: up stopped\n");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void anUnknownServiceIs125() {
        CliProcess.Result result = shell(null, "nope", "--", "true");
        assertThat(result.exitCode()).isEqualTo(125);
        assertThat(result.stderr()).startsWith("error: no service 'nope' in ");
    }

    @Test
    void anUnreachableEngineIs125() {
        CliProcess.Result result = shell(null, "--docker-host", "unix:///nonexistent/docker.sock", "box", "--", "true");
        assertThat(result.exitCode()).isEqualTo(125);
        assertThat(result.stderr()).startsWith("error: Docker unreachable at unix:///nonexistent/docker.sock");
    }

    @Test
    void aMissingProgramIs127AndNotExecutableIs126() {
        CliProcess.Result missing = shell(null, "box", "--", "no-such-program");
        assertThat(missing.exitCode()).isEqualTo(127);
        assertThat(missing.stderr()).startsWith("error: ").contains("no-such-program");
        assertThat(missing.stdout()).isEmpty();
        CliProcess.Result directory = shell(null, "box", "--", "/tmp");
        assertThat(directory.exitCode()).isEqualTo(126);
        assertThat(directory.stderr()).containsIgnoringCase("permission denied");
    }

    @Test
    void theClientComesFromTheLabelWithItsArguments() {
        CliProcess.Result result = shell(null, "box", "--client", "--", "-c", "two words");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("client for dev_user with -c two words\n");
    }

    @Test
    void aServiceWithoutAClientIs125() {
        CliProcess.Result result = shell(null, "withbash", "--client");
        assertThat(result.exitCode()).isEqualTo(125);
        assertThat(result.stderr()).contains("withbash declares no client");
    }

    @Test
    void anUnknownOptionIs125() {
        assertThat(shell(null, "box", "--bogus").exitCode()).isEqualTo(125);
    }
}
