package io.colimaservices.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import io.colimaservices.domain.ContainerExec;
import io.colimaservices.domain.ContainerState;
import io.colimaservices.domain.ExecIo;
import io.colimaservices.domain.ExecProcess;
import io.colimaservices.domain.ExecRequest;
import io.colimaservices.domain.ExecTarget;
import io.colimaservices.domain.TerminalSize;
import io.colimaservices.domain.UserError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link ContainerExec} on the Docker engine: the exec is created, inspected and resized with docker-java (each call
 * with the quick client's 5 s deadline) and started on a connection of its own ({@link HijackedConnection}, connect
 * and answer within {@link #ANSWER_DEADLINE}), whose streams have no deadline: they last as long as the process.
 */
public final class DockerExec implements ContainerExec, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DockerExec.class);
    /** Connecting and the daemon's answer to the start (it answers before the process runs). */
    static final Duration ANSWER_DEADLINE = Duration.ofSeconds(10);
    /** After the output ended, how long the daemon may take to record the exit code. */
    static final Duration EXIT_CODE_DEADLINE = Duration.ofSeconds(10);

    private final DockerHost host;
    private final DockerClient quick;

    public DockerExec(DockerHost host) {
        this.host = host;
        this.quick = DockerClients.quick(host);
    }

    @Override
    public ExecTarget locate(String project, String service) {
        List<Container> containers = call("list the containers of " + service, () -> quick.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(ComposeLabels.PROJECT, project, ComposeLabels.SERVICE, service))
                .exec());
        // A running one wins (a scaled service, a leftover), else the newest.
        return containers.stream()
                .filter(c -> c.getLabels() == null || !"true".equalsIgnoreCase(c.getLabels().get(ComposeLabels.ONEOFF)))
                .max(Comparator.comparing((Container c) -> "running".equalsIgnoreCase(c.getState()))
                        .thenComparing(c -> c.getCreated() == null ? 0L : c.getCreated()))
                .map(c -> new ExecTarget(service, Optional.of(c.getId()), ContainerState.fromDocker(c.getState())))
                .orElseGet(() -> new ExecTarget(service, Optional.empty(), ContainerState.ABSENT));
    }

    @Override
    public ExecProcess start(String containerId, ExecRequest request, ExecIo io) {
        if (DockerClients.usesTls(host)) {
            throw new UserError(UserError.Kind.CONFIGURATION, "exec is not supported over TLS (" + host.display()
                    + ")", "point --docker-host at the engine's unix socket (Colima's, for example)");
        }
        String execId = create(containerId, request, io.stdin().isPresent());
        HijackedConnection connection;
        try {
            connection = HijackedConnection.open(host.uri(), "/exec/" + execId + "/start", startBody(request),
                    ANSWER_DEADLINE);
        } catch (HijackedConnection.EngineRefused e) {
            throw refused(containerId, e.status(), e.getMessage(), e);
        } catch (IOException e) {
            throw unreachable(e);
        }
        ExecSession session = new ExecSession(this, execId, request, io, connection);
        session.begin();
        return session;
    }

    private String create(String containerId, ExecRequest request, boolean attachStdin) {
        try {
            return call("start a process in " + shortId(containerId), () -> quick.execCreateCmd(containerId)
                    .withCmd(request.command().toArray(String[]::new))
                    .withTty(request.tty())
                    .withAttachStdin(attachStdin)
                    .withAttachStdout(true)
                    .withAttachStderr(true)
                    .exec()).getId();
        } catch (NotFoundException e) {
            throw refused(containerId, 404, DockerFailures.describe(e), e);
        } catch (ConflictException e) {
            throw refused(containerId, 409, DockerFailures.describe(e), e);
        }
    }

    /** {@code ConsoleSize} is honoured from API 1.42 (older engines get a resize right after the start). */
    private static String startBody(ExecRequest request) {
        String size = request.size().map(s -> ",\"ConsoleSize\":[" + s.rows() + "," + s.columns() + "]").orElse("");
        return "{\"Detach\":false,\"Tty\":" + request.tty() + size + "}";
    }

    /** Whether the exec's process started, and its exit code once it ended. */
    record State(boolean running, Optional<Integer> exitCode, boolean started) {
    }

    State inspect(String execId) {
        InspectExecResponse inspect = call("inspect exec " + shortId(execId), () -> quick.inspectExecCmd(execId).exec());
        boolean running = Boolean.TRUE.equals(inspect.isRunning());
        Long pid = inspect.getPidLong();
        return new State(running, Optional.ofNullable(inspect.getExitCodeLong()).map(Long::intValue),
                running || (pid != null && pid > 0));
    }

    /** Waits (with backoff, within {@link #EXIT_CODE_DEADLINE}) until the daemon has recorded the exit code. */
    State waitForExit(String execId) throws InterruptedException {
        long deadline = System.nanoTime() + EXIT_CODE_DEADLINE.toNanos();
        long pause = 5;
        while (true) {
            State state = inspect(execId);
            if (!state.running() && state.exitCode().isPresent()) {
                return state;
            }
            if (System.nanoTime() > deadline) {
                throw new UserError(UserError.Kind.OTHER, "the engine did not report how exec " + shortId(execId)
                        + " ended within " + EXIT_CODE_DEADLINE.toSeconds() + " s", "");
            }
            Thread.sleep(pause);
            pause = Math.min(pause * 2, 200);
        }
    }

    void resize(String execId, TerminalSize size) {
        try {
            call("resize exec " + shortId(execId), () -> quick.resizeExecCmd(execId)
                    .withSize(size.rows(), size.columns()).exec());
        } catch (NotFoundException | ConflictException e) {
            throw new UserError(UserError.Kind.OTHER, "exec " + shortId(execId) + " cannot be resized now: "
                    + DockerFailures.describe(e), "", e);
        }
    }

    private UserError refused(String containerId, int status, String message, Exception cause) {
        String what = status == 404 ? "container " + shortId(containerId) + " no longer exists"
                : "container " + shortId(containerId) + " cannot run a process now: " + message;
        return new UserError(UserError.Kind.SERVICE_FAILED, what, "check it with: status", cause);
    }

    UserError unreachable(Exception e) {
        return new UserError(UserError.Kind.DOCKER_UNREACHABLE, "Docker unreachable at " + host.display() + " ("
                + host.source() + "): " + DockerFailures.describe(e),
                "start Colima (colima start) or pass --docker-host", e);
    }

    /** A docker-java call; transport failures become "Docker unreachable" naming the host. */
    <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (NotFoundException | ConflictException e) {
            throw e;
        } catch (UserError e) {
            throw e;
        } catch (RuntimeException e) {
            if (DockerFailures.isTransport(e)) {
                throw unreachable(e);
            }
            throw new UserError(UserError.Kind.OTHER, "Docker refused to " + what + ": " + DockerFailures.describe(e),
                    "", e);
        }
    }

    static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    @Override
    public void close() {
        try {
            quick.close();
        } catch (IOException e) {
            LOG.debug("closing docker client", e);
        }
    }
}
