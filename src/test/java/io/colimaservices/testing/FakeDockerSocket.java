package io.colimaservices.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real unix socket in a test directory that behaves like a Docker engine's, or like a broken one: it answers
 * {@code GET /_ping} with just enough HTTP, says something that is not HTTP, or accepts and stays silent.
 * {@link #leaveStale} closes it the way a dead VM does: the socket file stays and nobody listens.
 */
public final class FakeDockerSocket implements AutoCloseable {
    public enum Behaviour { DOCKER, GARBAGE, SILENT }

    private final Path path;
    private final ServerSocketChannel server;
    private final List<SocketChannel> accepted = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private Thread serving;

    private FakeDockerSocket(Path path, ServerSocketChannel server) {
        this.path = path;
        this.server = server;
    }

    public static FakeDockerSocket listen(Path path, Behaviour behaviour) {
        try {
            Files.createDirectories(path.getParent());
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(path));
            FakeDockerSocket socket = new FakeDockerSocket(path, server);
            socket.serving = Thread.ofVirtual().name("fake-docker").start(() -> socket.serve(behaviour));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void serve(Behaviour behaviour) {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                accepted.add(client);
                Thread.ofVirtual().start(() -> answer(client, behaviour));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void answer(SocketChannel client, Behaviour behaviour) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(1024);
            client.read(buffer);
            requests.add(new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII));
            String reply = switch (behaviour) {
                case DOCKER -> "HTTP/1.1 200 OK\r\nApi-Version: 1.47\r\nContent-Type: text/plain; charset=utf-8\r\n"
                        + "Content-Length: 2\r\n\r\nOK";
                case GARBAGE -> "SSH-2.0-OpenSSH_9.6\r\n";
                case SILENT -> null;
            };
            if (reply != null) {
                client.write(ByteBuffer.wrap(reply.getBytes(StandardCharsets.US_ASCII)));
                client.close();
            }
        } catch (IOException ignored) {
            // the prober hung up
        }
    }

    public Path path() {
        return path;
    }

    /** The first line of each request received. */
    public List<String> requestLines() {
        return requests.stream().map(r -> r.lines().findFirst().orElse("")).toList();
    }

    /** Stops listening but leaves the socket file behind, like a VM that died. */
    public void leaveStale() {
        close();
    }

    @Override
    public void close() {
        try {
            server.close();
            // A close while the serving thread is blocked in accept() only marks the channel: the JDK closes the
            // descriptor when that thread leaves accept(). Until then the socket still takes connections, which a
            // loaded machine showed as "accepted a connection, then failed" instead of "refuses". Wait for it.
            if (!serving.join(java.time.Duration.ofSeconds(10))) {
                throw new IllegalStateException("the fake Docker socket's accept did not end within 10 s");
            }
            for (SocketChannel channel : accepted) {
                channel.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
