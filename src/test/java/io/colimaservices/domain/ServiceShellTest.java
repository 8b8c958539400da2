package io.colimaservices.domain;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shell use case on fakes: which command, whether a terminal, raw mode kept to the session, exit codes. */
class ServiceShellTest {
    private static final ServiceDefinition DB = new ServiceDefinition("db", ServiceGroup.DATA, "db:1", List.of(),
            List.of(), false, Optional.empty(), Optional.empty(), TlsCapability.NONE, Optional.empty(), "",
            Set.of(), 1, false, Map.of(ServiceShell.CLIENT_LABEL, "exec dbcli -u \"$(cat /run/user)\""));
    private static final ServiceDefinition WEB = Fixtures.service("web", ServiceGroup.APPS);
    private static final Catalog CATALOG = new Catalog(Path.of("/stack/docker-compose.yml"), List.of(DB, WEB));

    /** Records what was started; ends every exec with {@link #outcome}. */
    static final class FakeExec implements ContainerExec {
        ExecTarget target = new ExecTarget("db", Optional.of("c1"), ContainerState.RUNNING);
        ExecOutcome outcome = ExecOutcome.exited(0);
        RuntimeException awaitFailure;
        ExecRequest started;
        final List<TerminalSize> resizes = new ArrayList<>();
        boolean closed;

        @Override
        public ExecTarget locate(String project, String service) {
            return target;
        }

        @Override
        public ExecProcess start(String containerId, ExecRequest request, ExecIo io) {
            started = request;
            return new ExecProcess() {
                @Override
                public void resize(TerminalSize size) {
                    resizes.add(size);
                }

                @Override
                public ExecOutcome await() {
                    if (awaitFailure != null) {
                        throw awaitFailure;
                    }
                    return outcome;
                }

                @Override
                public long bytesIn() {
                    return 0;
                }

                @Override
                public long bytesOut() {
                    return 0;
                }

                @Override
                public void close() {
                    closed = true;
                }
            };
        }
    }

    /** A terminal of a given size; records raw mode and lets the test resize it. */
    static final class FakeTerminal implements LocalTerminal {
        boolean terminal = true;
        TerminalSize size = new TerminalSize(80, 24);
        int raw;
        int restored;
        Consumer<TerminalSize> listener;

        @Override
        public boolean stdinIsTerminal() {
            return terminal;
        }

        @Override
        public boolean stdoutIsTerminal() {
            return terminal;
        }

        @Override
        public Optional<TerminalSize> size() {
            return Optional.of(size);
        }

        @Override
        public RawMode enterRawMode() {
            raw++;
            return () -> restored++;
        }

        @Override
        public Subscription onResize(Consumer<TerminalSize> l) {
            listener = l;
            return () -> listener = null;
        }
    }

    private final FakeExec exec = new FakeExec();
    private final FakeTerminal terminal = new FakeTerminal();
    private final ServiceShell shell = new ServiceShell(CATALOG, "p", exec, terminal);
    private final ExecIo io = new ExecIo(Optional.empty(), new ByteArrayOutputStream(), new ByteArrayOutputStream());

    private ServiceShell.Result run(ServiceShell.Mode mode, List<String> args, boolean tty) throws Exception {
        return shell.run(new ServiceShell.Request("db", mode, args, tty), io);
    }

    @Test
    void aShellIsBashWhenThereElseSh() throws Exception {
        run(ServiceShell.Mode.SHELL, List.of(), true);
        assertThat(exec.started.command()).containsExactly("/bin/sh", "-c",
                "if command -v bash >/dev/null 2>&1; then exec bash; fi; exec sh");
    }

    @Test
    void theClientIsTheLabelWithTheArgumentsAppended() throws Exception {
        run(ServiceShell.Mode.CLIENT, List.of("-c", "select 1"), false);
        assertThat(exec.started.command()).containsExactly("/bin/sh", "-c",
                "exec dbcli -u \"$(cat /run/user)\" \"$@\"", "db-client", "-c", "select 1");
    }

    @Test
    void aCommandRunsAsGiven() throws Exception {
        run(ServiceShell.Mode.COMMAND, List.of("ls", "-l", "/a b"), false);
        assertThat(exec.started.command()).containsExactly("ls", "-l", "/a b");
    }

    @Test
    void aTerminalOnBothEndsGetsATtyWithItsSizeRawModeAndResizes() throws Exception {
        exec.outcome = ExecOutcome.exited(0);
        run(ServiceShell.Mode.SHELL, List.of(), true);
        assertThat(exec.started.tty()).isTrue();
        assertThat(exec.started.size()).contains(new TerminalSize(80, 24));
        assertThat(terminal.raw).isEqualTo(1);
        assertThat(terminal.restored).isEqualTo(1);
        assertThat(terminal.listener).as("resize subscription closed").isNull();
        assertThat(exec.closed).isTrue();
    }

    @Test
    void resizesReachTheProcess() throws Exception {
        exec.outcome = null;
        exec.awaitFailure = null;
        ServiceShell resizing = new ServiceShell(CATALOG, "p", new ContainerExec() {
            @Override
            public ExecTarget locate(String project, String service) {
                return exec.locate(project, service);
            }

            @Override
            public ExecProcess start(String containerId, ExecRequest request, ExecIo io) {
                ExecProcess inner = exec.start(containerId, request, io);
                return new ExecProcess() {
                    public void resize(TerminalSize size) {
                        inner.resize(size);
                    }

                    public ExecOutcome await() {
                        terminal.listener.accept(new TerminalSize(120, 40));
                        return ExecOutcome.exited(0);
                    }

                    public long bytesIn() {
                        return 0;
                    }

                    public long bytesOut() {
                        return 0;
                    }

                    public void close() {
                        inner.close();
                    }
                };
            }
        }, terminal);
        resizing.run(new ServiceShell.Request("db", ServiceShell.Mode.SHELL, List.of(), true), io);
        assertThat(exec.resizes).endsWith(new TerminalSize(120, 40));
    }

    @Test
    void theTerminalIsRestoredWhenTheSessionFails() {
        exec.awaitFailure = new UserError(UserError.Kind.DOCKER_UNREACHABLE, "lost the connection", "");
        assertThatThrownBy(() -> run(ServiceShell.Mode.SHELL, List.of(), true)).isInstanceOf(UserError.class);
        assertThat(terminal.raw).isEqualTo(1);
        assertThat(terminal.restored).isEqualTo(1);
    }

    @Test
    void noTerminalOrNoTtyWantedMeansStreamsApartAndNoRawMode() throws Exception {
        run(ServiceShell.Mode.SHELL, List.of(), false);
        assertThat(exec.started.tty()).isFalse();
        terminal.terminal = false;
        run(ServiceShell.Mode.SHELL, List.of(), true);
        assertThat(exec.started.tty()).isFalse();
        assertThat(exec.started.size()).isEmpty();
        assertThat(terminal.raw).isZero();
    }

    @Test
    void theCommandsExitCodeIsTheResult() throws Exception {
        exec.outcome = ExecOutcome.exited(3);
        assertThat(run(ServiceShell.Mode.COMMAND, List.of("false"), false)).isEqualTo(
                new ServiceShell.Result(3, Optional.empty()));
    }

    @Test
    void startFailuresFollowDockersCodes() throws Exception {
        exec.outcome = new ExecOutcome(126, Optional.of("OCI runtime exec failed: exec: \"x\": executable file "
                + "not found in $PATH: unknown"));
        assertThat(run(ServiceShell.Mode.COMMAND, List.of("x"), false).exitCode()).isEqualTo(127);
        exec.outcome = new ExecOutcome(126, Optional.of("exec: \"/tmp\": permission denied: unknown"));
        ServiceShell.Result denied = run(ServiceShell.Mode.COMMAND, List.of("/tmp"), false);
        assertThat(denied.exitCode()).isEqualTo(126);
        assertThat(denied.message()).contains("exec: \"/tmp\": permission denied: unknown");
    }

    @Test
    void whatCannotRunIsAUserErrorNamingIt() {
        assertThatThrownBy(() -> shell.run(new ServiceShell.Request("nope", ServiceShell.Mode.SHELL, List.of(), true),
                io)).isInstanceOf(UserError.class).hasMessage("no service 'nope' in /stack/docker-compose.yml");
        assertThatThrownBy(() -> shell.run(new ServiceShell.Request("web", ServiceShell.Mode.CLIENT, List.of(), true),
                io)).hasMessageContaining("web declares no client");
        exec.target = new ExecTarget("db", Optional.of("c1"), ContainerState.EXITED);
        assertThatThrownBy(() -> run(ServiceShell.Mode.SHELL, List.of(), true))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.hint()).isEqualTo("start it first: up db"))
                .hasMessage("db is not running (exited)");
        exec.target = new ExecTarget("db", Optional.empty(), ContainerState.ABSENT);
        assertThatThrownBy(() -> run(ServiceShell.Mode.SHELL, List.of(), true)).hasMessage(
                "db is not running (no container)");
        assertThatThrownBy(() -> run(ServiceShell.Mode.SHELL, List.of("ls"), true)).isInstanceOf(UserError.class);
        assertThatThrownBy(() -> run(ServiceShell.Mode.COMMAND, List.of(), true)).isInstanceOf(UserError.class);
        assertThat(exec.started).as("nothing was started").isNull();
    }
}
