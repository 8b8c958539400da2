package io.colimaservices.exec;

import io.colimaservices.docker.DockerExec;
import io.colimaservices.domain.ExecPipe;
import io.colimaservices.domain.UserError;
import io.colimaservices.testing.ComposeProject;
import io.colimaservices.testing.Processes;
import io.colimaservices.testing.Sleepers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The streaming foundation backups build on, on the real engine: 1 GiB out of a container and 1 GiB into one,
 * byte-identical by SHA-256; stderr kept apart; a failing output stream fails the run; a cancel kills the command
 * before its input could look complete.
 */
class ExecPipeIT {
    private static final long GIB = 1L << 30;
    private static ComposeProject project;
    private static DockerExec exec;
    private static String box;

    @BeforeAll
    static void up() {
        project = Sleepers.project(Sleepers.service("box"));
        exec = Sleepers.exec();
        box = project.containerId("box");
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

    /** An OutputStream that keeps only a SHA-256 and a count: 1 GiB passes through without being held. */
    static final class Sha256Sink extends OutputStream {
        private final MessageDigest digest = sha256();
        long count;

        @Override
        public void write(int b) {
            digest.update((byte) b);
            count++;
        }

        @Override
        public void write(byte[] data, int offset, int length) {
            digest.update(data, offset, length);
            count += length;
        }

        String hex() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    /** {@code size} pseudo-random bytes from a seed, made as they are read. */
    static final class RandomStream extends InputStream {
        private final SplittableRandom random;
        private long left;

        RandomStream(long seed, long size) {
            this.random = new SplittableRandom(seed);
            this.left = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            for (int i = 0; i < n; i += 8) {
                long value = random.nextLong();
                for (int j = 0; j < 8 && i + j < n; j++) {
                    buffer[offset + i + j] = (byte) (value >>> (8 * j));
                }
            }
            left -= n;
            return n;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void oneGibOutOfAContainerArrivesByteIdentical() throws Exception {
        // 1,024 copies of one random MiB: any byte lost, doubled or moved within the engine's chunks changes the
        // hash (the copies themselves are alike, so their order cannot matter).
        Processes.run(null, 30, "docker", "exec", box, "sh", "-c", "busybox head -c 1048576 /dev/urandom > /tmp/block")
                .orFail("random block");
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        new ExecPipe(exec).run(box, "cat /tmp/block", Optional.empty(), block);
        assertThat(block.size()).isEqualTo(1 << 20);
        Sha256Sink expected = new Sha256Sink();
        for (int i = 0; i < 1024; i++) {
            expected.write(block.toByteArray(), 0, block.size());
        }
        Sha256Sink sink = new Sha256Sink();
        ExecPipe.Result result = new ExecPipe(exec).run(box,
                "i=0; while [ $i -lt 1024 ]; do cat /tmp/block; i=$((i+1)); done", Optional.empty(), sink);
        assertThat(result.succeeded()).as(result.stderr()).isTrue();
        assertThat(sink.count).isEqualTo(GIB);
        assertThat(result.bytesOut()).isEqualTo(GIB);
        assertThat(sink.hex()).isEqualTo(expected.hex());
    }

    @Test
    void oneGibIntoAContainerArrivesByteIdenticalAndItsEndIsTheCommandsEof() throws Exception {
        Sha256Sink expected = new Sha256Sink();
        new RandomStream(17, GIB).transferTo(expected);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExecPipe.Result result = new ExecPipe(exec).run(box, "busybox sha256sum",
                Optional.of(new RandomStream(17, GIB)), out);
        assertThat(result.succeeded()).as(result.stderr()).isTrue();
        assertThat(result.bytesIn()).isEqualTo(GIB);
        assertThat(out.toString(StandardCharsets.UTF_8).strip().split("\\s+")[0]).isEqualTo(expected.hex());
    }

    @Test
    void stderrIsKeptApartAndTheExitCodeReported() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExecPipe.Result result = new ExecPipe(exec).run(box, "echo data; echo 'pg_dump: error: no database' >&2; exit 2",
                Optional.empty(), out);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.succeeded()).isFalse();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("data\n");
        assertThat(result.stderr()).isEqualTo("pg_dump: error: no database\n");
        assertThat(result.stderrTruncated()).isFalse();
    }

    @Test
    void onlyTheEndOfAFloodOfStderrIsKept() throws Exception {
        ExecPipe.Result result = new ExecPipe(exec).run(box, "busybox seq 1 200000 >&2; echo last-line >&2",
                Optional.empty(), OutputStream.nullOutputStream());
        assertThat(result.stderrTruncated()).isTrue();
        assertThat(result.stderr()).endsWith("200000\nlast-line\n");
        assertThat(result.stderr().length()).isLessThanOrEqualTo(ExecPipe.STDERR_KEPT);
    }

    @Test
    void aFailingOutputStreamFailsTheRunAndStopsTheCommand() {
        OutputStream full = new OutputStream() {
            private long written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] data, int offset, int length) throws IOException {
                written += length;
                if (written > 8 * 1024 * 1024) {
                    throw new IOException("No space left on device");
                }
            }
        };
        assertThatThrownBy(() -> new ExecPipe(exec).run(box, "cat /dev/zero", Optional.empty(), full))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("No space left on device");
        await().atMost(Duration.ofSeconds(10)).until(() -> !processRunning("cat /dev/zero"));
    }

    @Test
    void aCancelKillsTheCommandBeforeItsInputCouldEnd() throws Exception {
        // A restore that commits at the end of its input: a cancel must never let it reach that end.
        String command = "cat > /tmp/restore-part && touch /tmp/restore-committed";
        Processes.run(null, 30, "docker", "exec", box, "rm", "-f", "/tmp/restore-committed");
        InputStream endless = new RandomStream(3, Long.MAX_VALUE);
        ExecPipe.Run run = new ExecPipe(exec).start(box, command, Optional.of(endless), OutputStream.nullOutputStream());
        await().atMost(Duration.ofSeconds(20)).until(() -> run.bytesIn() > 4 * 1024 * 1024);
        run.cancel();
        assertThatThrownBy(run::await).isInstanceOf(UserError.class).hasMessageContaining("cancelled");
        await().atMost(Duration.ofSeconds(10)).until(() -> !processRunning("cat"));
        assertThat(Processes.run(null, 30, "docker", "exec", box, "test", "-e", "/tmp/restore-committed").exitCode())
                .as("the command's completion step never ran").isNotZero();
    }

    private static boolean processRunning(String commandLine) {
        String ps = Processes.run(null, 30, "docker", "exec", box, "busybox", "ps", "-o", "args").output();
        return ps.lines().anyMatch(l -> l.strip().equals(commandLine));
    }
}
