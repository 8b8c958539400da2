package io.colimaservices.exec;

import io.colimaservices.docker.DockerExec;
import io.colimaservices.docker.DockerHost;
import io.colimaservices.domain.ContainerState;
import io.colimaservices.domain.ExecIo;
import io.colimaservices.domain.ExecOutcome;
import io.colimaservices.domain.ExecProcess;
import io.colimaservices.domain.ExecRequest;
import io.colimaservices.domain.ExecTarget;
import io.colimaservices.domain.TerminalSize;
import io.colimaservices.domain.UserError;
import io.colimaservices.testing.ComposeProject;
import io.colimaservices.testing.Sleepers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The exec adapter on the real engine: exit codes, streams kept apart, stdin to its end, a tty and its size. */
class ExecAdapterIT {
    private static ComposeProject project;
    private static DockerExec exec;
    private static String box;

    @BeforeAll
    static void up() {
        project = Sleepers.project(Sleepers.service("box"),
                "  stopped:\n    image: ${IMAGE}\n    network_mode: none\n    command: [\"true\"]\n");
        exec = Sleepers.exec();
        box = exec.locate(project.name(), "box").containerId().orElseThrow();
    }

    @AfterAll
    static void down() {
        if (exec != null) {
            exec.close();
        }
        if (project != null) {
            project.close();
        }
    }

    record Ran(ExecOutcome outcome, String out, String err) {
    }

    private static Ran run(ExecRequest request, byte[] stdin) throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ExecProcess process = exec.start(box, request, new ExecIo(
                Optional.ofNullable(stdin).map(ByteArrayInputStream::new), out, err))) {
            ExecOutcome outcome = process.await();
            return new Ran(outcome, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void exitCodeAndStreamsPassThroughApart() throws Exception {
        Ran ran = run(ExecRequest.plain(List.of("sh", "-c", "echo out; echo err >&2; exit 3")), null);
        assertThat(ran.outcome()).isEqualTo(ExecOutcome.exited(3));
        assertThat(ran.out()).isEqualTo("out\n");
        assertThat(ran.err()).isEqualTo("err\n");
    }

    @Test
    void stdinIsForwardedToItsEnd() throws Exception {
        Ran ran = run(ExecRequest.plain(List.of("cat")), "hi\nthere\n".getBytes(StandardCharsets.UTF_8));
        assertThat(ran.outcome()).isEqualTo(ExecOutcome.exited(0));
        assertThat(ran.out()).isEqualTo("hi\nthere\n");
    }

    @Test
    void emptyStdinEndsAtOnce() throws Exception {
        Ran ran = run(ExecRequest.plain(List.of("sh", "-c", "cat; echo done")), new byte[0]);
        assertThat(ran.out()).isEqualTo("done\n");
    }

    @Test
    void aMissingProgramIsAStartFailureNotOutput() throws Exception {
        Ran ran = run(ExecRequest.plain(List.of("no-such-program")), null);
        assertThat(ran.outcome().started()).isFalse();
        assertThat(ran.outcome().startFailure().orElseThrow()).contains("no-such-program");
        assertThat(ran.out()).isEmpty();
        assertThat(ran.err()).isEmpty();
    }

    @Test
    void aDirectoryIsNotExecutable() throws Exception {
        Ran ran = run(ExecRequest.plain(List.of("/tmp")), null);
        assertThat(ran.outcome().started()).isFalse();
        assertThat(ran.outcome().startFailure().orElseThrow()).containsIgnoringCase("permission denied");
    }

    @Test
    void aCommandThatExits126ItselfStarted() throws Exception {
        Ran ran = run(ExecRequest.plain(List.of("sh", "-c", "echo mine; exit 126")), null);
        assertThat(ran.outcome()).isEqualTo(ExecOutcome.exited(126));
        assertThat(ran.out()).isEqualTo("mine\n");
    }

    @Test
    void aTtyHasTheSizeItWasGiven() throws Exception {
        // Engines before API 1.42 (this one) size the terminal with a resize after the start, said again once the
        // process printed (as a shell prints its prompt): wait for it, up to 5 s.
        Ran ran = run(new ExecRequest(List.of("sh", "-c", "echo started; i=0; "
                + "until [ \"$(busybox stty size 2>/dev/null)\" = '33 101' ] || [ $i -ge 100 ]; do sleep 0.05; "
                + "i=$((i+1)); done; busybox stty size"), true,
                Optional.of(new TerminalSize(101, 33))), null);
        assertThat(ran.outcome()).isEqualTo(ExecOutcome.exited(0));
        assertThat(ran.out()).isEqualTo("started\r\n33 101\r\n");
    }

    @Test
    void aTtyMergesStderrIntoItsOneStream() throws Exception {
        Ran ran = run(new ExecRequest(List.of("sh", "-c", "echo err >&2"), true, Optional.empty()), null);
        assertThat(ran.out()).isEqualTo("err\r\n");
        assertThat(ran.err()).isEmpty();
    }

    @Test
    void locateTellsRunningFromStopped() {
        ExecTarget stopped = exec.locate(project.name(), "stopped");
        assertThat(stopped.state()).isEqualTo(ContainerState.EXITED);
        assertThat(stopped.isRunning()).isFalse();
        assertThat(exec.locate(project.name(), "nothing").containerId()).isEmpty();
    }

    @Test
    void aStoppedContainerRefusesWithAUserError() {
        String id = exec.locate(project.name(), "stopped").containerId().orElseThrow();
        assertThatThrownBy(() -> exec.start(id, ExecRequest.plain(List.of("true")),
                new ExecIo(Optional.empty(), new ByteArrayOutputStream(), new ByteArrayOutputStream())))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("cannot run a process now");
    }

    @Test
    void anUnreachableEngineIsNamed() {
        try (DockerExec nowhere = new DockerExec(new DockerHost(URI.create("unix:///nonexistent/docker.sock"),
                "test"))) {
            assertThatThrownBy(() -> nowhere.locate(project.name(), "box"))
                    .isInstanceOfSatisfying(UserError.class,
                            e -> assertThat(e.kind()).isEqualTo(UserError.Kind.DOCKER_UNREACHABLE))
                    .hasMessageContaining("unix:///nonexistent/docker.sock");
        }
    }
}
