package io.colimaservices.docker;

import io.colimaservices.domain.ExecIo;
import io.colimaservices.domain.ExecOutcome;
import io.colimaservices.domain.ExecProcess;
import io.colimaservices.domain.ExecRequest;
import io.colimaservices.domain.LogFrameSink;
import io.colimaservices.domain.LogSource;
import io.colimaservices.domain.TerminalSize;
import io.colimaservices.domain.UserError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One started exec: a thread reads its output off the connection into {@link ExecIo}'s streams (frames split
 * apart by {@link StreamReader}, or raw with a tty), another copies the input and half-closes the connection at its
 * end. The first output is held until the daemon confirms that the process started: when it could not
 * start, what the daemon sends is its error message, not the command's output.
 */
final class ExecSession implements ExecProcess {
    private static final Logger LOG = LoggerFactory.getLogger(ExecSession.class);
    private static final int HELD_LIMIT = 8 * 1024;
    private static final int INPUT_CHUNK = 64 * 1024;

    private final DockerExec docker;
    private final String execId;
    private final ExecRequest request;
    private final ExecIo io;
    private final HijackedConnection connection;
    private final AtomicLong bytesIn = new AtomicLong();
    private final AtomicLong bytesOut = new AtomicLong();
    private final CountDownLatch outputEnded = new CountDownLatch(1);
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean resizing = new AtomicBoolean();
    private final AtomicReference<TerminalSize> wantedSize = new AtomicReference<>();
    /** The size last asked for, applied once more when the process first prints (see {@link #deliver}). */
    private final AtomicReference<TerminalSize> lastSize = new AtomicReference<>();
    /** Null until the first output asked the daemon. Written and read by the output thread only. */
    private Boolean started;

    ExecSession(DockerExec docker, String execId, ExecRequest request, ExecIo io, HijackedConnection connection) {
        this.docker = docker;
        this.execId = execId;
        this.request = request;
        this.io = io;
        this.connection = connection;
    }

    void begin() {
        String name = DockerExec.shortId(execId);
        // Both copies on platform threads, against the rule of virtual threads for blocking I/O, measured: on a
        // virtual thread every empty or full socket buffer parks it on the JDK's poller and wakes it again, which
        // doubled the CPU per GiB read (3.8 s against 1.9 s) and made 1 GiB written take ~6 s against ~4 s
        // (docs/benchmarks.md, "Exec streaming"). Two threads per exec, for as long as it runs.
        Thread.ofPlatform().daemon().name("docker-exec-out-" + name).start(this::readOutput);
        io.stdin().ifPresent(in -> Thread.ofPlatform().daemon().name("docker-exec-in-" + name)
                .start(() -> copyInput(in)));
        // Engines before API 1.42 ignore the start's ConsoleSize: tell them once the process runs.
        request.size().ifPresent(this::resize);
    }

    private void readOutput() {
        LogFrameSink sink = new LogFrameSink() {
            @Override
            public void onFrame(LogSource source, byte[] data, int offset, int length, boolean boundary) {
                deliver(source, data, offset, length);
            }

            @Override
            public void onClosed(Optional<Throwable> error) {
            }
        };
        try {
            if (request.tty()) {
                StreamReader.pumpRaw(connection.input(), sink);
            } else {
                StreamReader.pump(connection.input(), sink);
            }
        } catch (UncheckedIOException e) {
            fail(new UserError(UserError.Kind.OTHER, "cannot write the output of exec "
                    + DockerExec.shortId(execId) + ": " + e.getCause().getMessage(), "", e.getCause()));
            connection.close();
        } catch (IOException | RuntimeException e) {
            if (!closed.get()) {
                fail(e instanceof UserError u ? u : new UserError(UserError.Kind.DOCKER_UNREACHABLE,
                        "lost the connection to Docker during exec " + DockerExec.shortId(execId) + ": "
                                + DockerFailures.describe(e), "", e));
            }
        } finally {
            outputEnded.countDown();
        }
    }

    private void deliver(LogSource source, byte[] data, int offset, int length) {
        bytesOut.addAndGet(length);
        if (started == null) {
            started = startConfirmed();
            // A size set while the engine was still setting the process's terminal up can be overwritten by its
            // initial 0x0 (seen on Docker 20.10): once the process prints, it is set up; say the size again.
            TerminalSize size = lastSize.get();
            if (started && request.tty() && size != null) {
                resize(size);
            }
        }
        if (!started) {
            held.write(data, offset, Math.min(length, Math.max(0, HELD_LIMIT - held.size())));
            return;
        }
        OutputStream target = source == LogSource.STDERR ? io.stderr() : io.stdout();
        try {
            target.write(data, offset, length);
            target.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Output came: from the process if it started; from the daemon (its error) if it could not. */
    private boolean startConfirmed() {
        try {
            return docker.inspect(execId).started();
        } catch (RuntimeException e) {
            LOG.debug("cannot tell whether exec {} started; passing its output on", execId, e);
            return true;
        }
    }

    private void copyInput(InputStream in) {
        byte[] chunk = new byte[INPUT_CHUNK];
        OutputStream out = connection.output();
        while (true) {
            int n;
            try {
                n = in.read(chunk);
            } catch (IOException e) {
                // The input broke: its end must not read as a clean end, so no half-close; the caller decides.
                fail(new UserError(UserError.Kind.OTHER, "cannot read the input of exec "
                        + DockerExec.shortId(execId) + ": " + e.getMessage(), "", e));
                return;
            }
            try {
                if (n < 0) {
                    // Without a tty the end of input is the process's EOF. With one, the daemon would take it as
                    // the end of the whole session and drop the output still to come; a terminal's own end of input
                    // (Ctrl-D) is a keystroke that went through as a byte.
                    if (!request.tty()) {
                        connection.closeOutput();
                    }
                    return;
                }
                out.write(chunk, 0, n);
                bytesIn.addAndGet(n);
            } catch (IOException e) {
                // The process ended or the connection was cut: nobody reads the rest.
                return;
            }
        }
    }

    private void fail(RuntimeException e) {
        failure.compareAndSet(null, e);
    }

    @Override
    public void resize(TerminalSize size) {
        if (!request.tty()) {
            return;
        }
        lastSize.set(size);
        wantedSize.set(size);
        if (resizing.compareAndSet(false, true)) {
            Thread.ofVirtual().name("docker-exec-resize").start(this::applySizes);
        }
    }

    /** Applies the latest wanted size, one request at a time; sizes that came meanwhile collapse into the last. */
    private void applySizes() {
        while (true) {
            TerminalSize next = wantedSize.getAndSet(null);
            if (next == null) {
                resizing.set(false);
                // A size set after the getAndSet and before the flag fell is taken on here.
                if (wantedSize.get() == null || !resizing.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            tryResize(next);
        }
    }

    /** A process not started yet gets a few tries, as the docker CLI gives it. */
    private boolean tryResize(TerminalSize size) {
        for (int attempt = 0; attempt < 6; attempt++) {
            try {
                docker.resize(execId, size);
                return true;
            } catch (UserError e) {
                if (outputEnded.getCount() == 0 || closed.get()) {
                    return false;
                }
                try {
                    Thread.sleep(10L << attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        LOG.debug("exec {} kept refusing its size {}", execId, size);
        return false;
    }

    @Override
    public ExecOutcome await() throws InterruptedException {
        outputEnded.await();
        if (closed.get() && failure.get() == null) {
            throw new UserError(UserError.Kind.OTHER, "exec " + DockerExec.shortId(execId) + " cancelled", "");
        }
        RuntimeException failed = failure.get();
        if (failed != null) {
            throw failed;
        }
        DockerExec.State state = docker.waitForExit(execId);
        int code = state.exitCode().orElseThrow();
        boolean ran = started != null ? started : state.started();
        if (ran) {
            return ExecOutcome.exited(code);
        }
        String message = held.toString(StandardCharsets.UTF_8).strip();
        return new ExecOutcome(code, Optional.of(message.isEmpty() ? "the engine could not start "
                + request.command().getFirst() : message));
    }

    @Override
    public long bytesIn() {
        return bytesIn.get();
    }

    @Override
    public long bytesOut() {
        return bytesOut.get();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            connection.close();
        }
    }
}
