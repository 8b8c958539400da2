package io.colimaservices.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A unix socket in front of the engine's (socat), to cut the app off from Docker and give it back, the way a
 * Colima VM stop or a daemon restart would, without touching the engine other tests use.
 */
public final class SocketProxy implements AutoCloseable {
    private final Path socket;
    private final Path target;
    private Process socat;

    public SocketProxy(Path directory, Path target) {
        this.socket = directory.resolve("docker-proxy.sock");
        this.target = target;
        if (Processes.run(null, 10, "socat", "-V").exitCode() != 0) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("socat is required in CI");
            }
            Assumptions.abort("socat not installed");
        }
    }

    public String uri() {
        return "unix://" + socket;
    }

    public void open() {
        try {
            Files.deleteIfExists(socket);
            socat = new ProcessBuilder("socat", "UNIX-LISTEN:" + socket + ",fork,unlink-early",
                    "UNIX-CONNECT:" + target).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            for (int i = 0; i < 100 && !Files.exists(socket); i++) {
                Thread.sleep(20);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot start socat", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Cuts every connection (socat forks one process per connection) and removes the socket. */
    public void cut() {
        if (socat == null) {
            return;
        }
        // Stopped first, so the listener cannot fork a child for a connection (say, an event stream being opened right
        // now) between the listing of its children and its own end: such a child would keep that connection alive.
        Processes.run(null, 5, "kill", "-STOP", String.valueOf(socat.pid()));
        socat.descendants().forEach(ProcessHandle::destroyForcibly);
        socat.destroyForcibly();
        try {
            socat.waitFor(5, TimeUnit.SECONDS);
            Files.deleteIfExists(socket);
        } catch (IOException ignored) {
            // socat removes it itself when it can
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        socat = null;
    }

    /** For a failure's message: whether the proxy's socket answers a ping now, and how (or why not). */
    public String answers() {
        try (java.nio.channels.SocketChannel channel = java.nio.channels.SocketChannel.open(
                java.net.UnixDomainSocketAddress.of(socket))) {
            channel.write(java.nio.ByteBuffer.wrap("GET /_ping HTTP/1.0\r\n\r\n".getBytes(
                    java.nio.charset.StandardCharsets.US_ASCII)));
            java.nio.ByteBuffer answer = java.nio.ByteBuffer.allocate(64);
            channel.read(answer);
            String first = new String(answer.array(), 0, answer.position(), java.nio.charset.StandardCharsets.US_ASCII);
            return "yes: " + first.lines().findFirst().orElse("(nothing)");
        } catch (IOException | RuntimeException e) {
            return "no: " + e;
        }
    }

    @Override
    public void close() {
        cut();
    }
}
