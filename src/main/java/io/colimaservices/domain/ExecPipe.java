package io.colimaservices.domain;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code sh -c COMMAND} in a running container with its stdout streamed to an {@link OutputStream} and its stderr
 * kept apart (the last {@value #STDERR_KEPT} bytes, for the message), optionally fed an {@link InputStream} on
 * stdin whose end closes the command's input: what a backup (a dump to stdout) and a restore (a dump from stdin)
 * need. Memory stays flat whatever the size: bytes pass through in the engine's chunks.
 *
 * <p>Cancelling kills the command's whole process group in the container before the connection is cut, so a
 * command reading stdin never mistakes a cancel for the end of its input (a restore must not load half a dump and
 * commit it). To know the group, the command runs under a one-line wrapper that reports its process id on stderr
 * first; that line is taken off stderr.
 */
public final class ExecPipe {
    /** How much of stderr is kept (its end): enough for any error message, bounded whatever the command prints. */
    public static final int STDERR_KEPT = 64 * 1024;
    static final String PID_MARK = "colima-services-exec-pid ";

    private final ContainerExec exec;

    public ExecPipe(ContainerExec exec) {
        this.exec = Objects.requireNonNull(exec);
    }

    /** How the command ended. {@code stderr} is its end when {@code stderrTruncated}. */
    public record Result(int exitCode, String stderr, boolean stderrTruncated, long bytesIn, long bytesOut,
                         boolean started) {
        public boolean succeeded() {
            return started && exitCode == 0;
        }
    }

    /** The wrapped command: the wrapper reports its pid (the exec's process group) then becomes the command. */
    static List<String> wrapped(String command) {
        return List.of("/bin/sh", "-c", "echo \"" + PID_MARK + "$$\" >&2 && exec /bin/sh -c \"$1\"",
                "colima-services", command);
    }

    /** Starts {@code command}; the returned run streams on its own threads. */
    public Run start(String containerId, String command, Optional<InputStream> stdin, OutputStream stdout) {
        StderrKeeper stderr = new StderrKeeper();
        CountingOutput counted = new CountingOutput(stdout);
        Run[] run = new Run[1];
        Optional<InputStream> input = stdin.map(in -> new GuardedInput(in, reason -> run[0].abort(reason)));
        ExecProcess process = exec.start(containerId, ExecRequest.plain(wrapped(command)),
                new ExecIo(input, counted, stderr));
        run[0] = new Run(containerId, process, stderr, counted);
        return run[0];
    }

    /** Runs {@code command} to its end. */
    public Result run(String containerId, String command, Optional<InputStream> stdin, OutputStream stdout)
            throws InterruptedException {
        try (Run run = start(containerId, command, stdin, stdout)) {
            return run.await();
        }
    }

    /**
     * One command under way. Whatever stops it early (a cancel, the output stream failing, the input failing)
     * kills its process group first: the engine does not stop an exec whose client went away.
     */
    public final class Run implements AutoCloseable {
        private final String containerId;
        private final ExecProcess process;
        private final StderrKeeper stderr;
        private final CountingOutput stdout;
        private final java.util.concurrent.atomic.AtomicReference<String> aborted =
                new java.util.concurrent.atomic.AtomicReference<>();

        private Run(String containerId, ExecProcess process, StderrKeeper stderr, CountingOutput stdout) {
            this.containerId = containerId;
            this.process = process;
            this.stderr = stderr;
            this.stdout = stdout;
        }

        /** Bytes written to the command's stdin so far (progress). */
        public long bytesIn() {
            return process.bytesIn();
        }

        /** Bytes of the command's stdout passed on so far (progress). */
        public long bytesOut() {
            return stdout.count();
        }

        /**
         * @throws UserError when cancelled or stopped by a failing stream (its reason), or when the engine could
         *                   not be asked how the command ended
         */
        public Result await() throws InterruptedException {
            ExecOutcome outcome;
            try {
                outcome = process.await();
            } catch (UserError e) {
                abort(e.getMessage());
                throw new UserError(e.kind(), aborted.get(), e.hint(), e);
            }
            String reason = aborted.get();
            if (reason != null) {
                throw new UserError(UserError.Kind.OTHER, reason, "");
            }
            return new Result(outcome.exitCode(), outcome.started() ? stderr.text() : outcome.startFailure().orElseThrow(),
                    stderr.truncated(), process.bytesIn(), stdout.count(), outcome.started());
        }

        /**
         * Kills the command's process group (SIGKILL, through a second exec with a deadline), then cuts the
         * connection. Safe to call from any thread, more than once.
         */
        public void cancel() {
            abort("cancelled");
        }

        void abort(String reason) {
            if (!aborted.compareAndSet(null, reason)) {
                return;
            }
            try {
                stderr.pid().ifPresent(this::kill);
            } finally {
                process.close();
            }
        }

        private void kill(long pid) {
            ByteArrayOutputStream ignored = new ByteArrayOutputStream();
            try (ExecProcess killer = exec.start(containerId, ExecRequest.plain(List.of("/bin/sh", "-c",
                    "kill -s KILL -- -" + pid + " 2>/dev/null || kill -s KILL " + pid)),
                    new ExecIo(Optional.empty(), ignored, ignored))) {
                killer.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (UserError e) {
                // The container may be gone already: then so is the command. Cutting the connection follows.
            }
        }

        /** Releases the connection (after {@link #await()}; to stop a command, {@link #cancel()}). */
        @Override
        public void close() {
            process.close();
        }
    }

    /** Counts what passes to the caller's stdout stream. */
    static final class CountingOutput extends OutputStream {
        private final OutputStream target;
        private final java.util.concurrent.atomic.AtomicLong count = new java.util.concurrent.atomic.AtomicLong();

        CountingOutput(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            target.write(b);
            count.incrementAndGet();
        }

        @Override
        public void write(byte[] data, int offset, int length) throws java.io.IOException {
            target.write(data, offset, length);
            count.addAndGet(length);
        }

        @Override
        public void flush() throws java.io.IOException {
            target.flush();
        }

        long count() {
            return count.get();
        }
    }

    /** The caller's stdin; a read failure stops the command before the broken input could read as complete. */
    static final class GuardedInput extends InputStream {
        private final InputStream source;
        private final java.util.function.Consumer<String> onFailure;

        GuardedInput(InputStream source, java.util.function.Consumer<String> onFailure) {
            this.source = source;
            this.onFailure = onFailure;
        }

        @Override
        public int read() throws java.io.IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
            try {
                return source.read(buffer, offset, length);
            } catch (java.io.IOException | RuntimeException e) {
                Thread.ofVirtual().start(() -> onFailure.accept("cannot read the input: " + e.getMessage()));
                throw e;
            }
        }

        @Override
        public void close() throws java.io.IOException {
            source.close();
        }
    }

    /**
     * Keeps the end of stderr, after taking the wrapper's pid line off its front. Written by the exec's reader
     * thread; read after it ended (and the pid by a cancelling thread).
     */
    static final class StderrKeeper extends OutputStream {
        private final byte[] ring = new byte[STDERR_KEPT];
        private long total;
        private final ByteArrayOutputStream firstLine = new ByteArrayOutputStream();
        private volatile boolean headerDone;
        private volatile Long pid;

        @Override
        public synchronized void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] data, int offset, int length) {
            int i = offset;
            int end = offset + length;
            while (!headerDone && i < end) {
                byte b = data[i++];
                if (b == '\n') {
                    header(true);
                } else {
                    firstLine.write(b);
                    if (firstLine.size() > 64) {
                        header(false);
                    }
                }
            }
            for (; i < end; i++) {
                ring[(int) (total % ring.length)] = data[i];
                total++;
            }
        }

        /** The first line is the wrapper's, unless the wrapper never ran (no /bin/sh): then it is the command's. */
        private void header(boolean newline) {
            headerDone = true;
            String line = firstLine.toString(StandardCharsets.UTF_8);
            if (line.startsWith(PID_MARK)) {
                try {
                    pid = Long.parseLong(line.substring(PID_MARK.length()).strip());
                    return;
                } catch (NumberFormatException e) {
                    // not ours after all: kept as output below
                }
            }
            byte[] kept = (line + (newline ? "\n" : "")).getBytes(StandardCharsets.UTF_8);
            for (byte b : kept) {
                ring[(int) (total % ring.length)] = b;
                total++;
            }
        }

        Optional<Long> pid() {
            return Optional.ofNullable(pid);
        }

        synchronized boolean truncated() {
            return total > ring.length;
        }

        synchronized String text() {
            if (!headerDone && firstLine.size() > 0) {
                header(false);
            }
            if (total <= ring.length) {
                return new String(ring, 0, (int) total, StandardCharsets.UTF_8);
            }
            int start = (int) (total % ring.length);
            byte[] ordered = new byte[ring.length];
            System.arraycopy(ring, start, ordered, 0, ring.length - start);
            System.arraycopy(ring, 0, ordered, ring.length - start, start);
            return new String(ordered, StandardCharsets.UTF_8);
        }
    }
}
