package io.colimaservices.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One app per user: the first launch holds a lock file in the app's support directory and listens on a unix-domain
 * socket next to it; a second launch finds the lock taken, hands its request (lines of text) to the first over the
 * socket, prints the answer and exits, so there is never a second tray icon. The OS releases the lock when the
 * process ends however it ends; a socket file left by a crash is replaced by the next first launch.
 *
 * <p>Hand-written on purpose: the JDK has file locks and unix-domain sockets (16+), and the libraries for this
 * (JUnique and the like) use TCP ports on loopback, which another user's process could reach.
 */
final class SingleInstance implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SingleInstance.class);
    static final String LOCK_FILE = "instance.lock";
    static final String SOCKET_FILE = "instance.sock";
    /** How long a second launch waits for the first to listen (it may hold the lock and still be starting). */
    static final Duration HAND_OVER_DEADLINE = Duration.ofSeconds(10);

    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Path socket;
    private volatile ServerSocketChannel server;

    private SingleInstance(FileChannel lockChannel, FileLock lock, Path socket) {
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.socket = socket;
    }

    /**
     * The lock, when no other instance holds it.
     *
     * @return empty when another process holds it: hand the request over with {@link #handOver}
     */
    static Optional<SingleInstance> claim(Path directory) {
        try {
            Files.createDirectories(directory);
            FileChannel channel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // this JVM holds it already
            }
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            return Optional.of(new SingleInstance(channel, lock, directory.resolve(SOCKET_FILE)));
        } catch (IOException e) {
            // An unwritable directory must not keep the app from starting: it runs without the guard.
            LOG.warn("cannot take the single-instance lock in {}: {}", directory, e.toString());
            return Optional.of(new SingleInstance(null, null, directory.resolve(SOCKET_FILE)));
        }
    }

    /**
     * Listens for second launches on a virtual thread; each request's lines go to {@code handler}, whose answer goes
     * back (one line).
     */
    void listen(Function<List<String>, String> handler) {
        if (lock == null) {
            return;
        }
        try {
            Files.deleteIfExists(socket); // left by an instance that crashed: we hold the lock, so it is stale
            ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            channel.bind(UnixDomainSocketAddress.of(socket));
            server = channel;
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("second launches cannot reach this instance ({}): {}", socket, e.toString());
            return;
        }
        Thread.ofVirtual().name("single-instance").start(() -> {
            while (server != null && server.isOpen()) {
                try (SocketChannel client = server.accept()) {
                    List<String> request = readLines(client);
                    String answer = handler.apply(request);
                    client.write(StandardCharsets.UTF_8.encode(answer.replace('\n', ' ') + "\n"));
                } catch (IOException e) {
                    if (server != null && server.isOpen()) {
                        LOG.debug("a second launch's request failed: {}", e.toString());
                    }
                } catch (RuntimeException e) {
                    LOG.warn("a second launch's request failed", e);
                }
            }
        });
    }

    /**
     * Hands {@code request} to the instance that holds the lock and returns its answer.
     *
     * @throws UncheckedIOException when it does not answer within {@link #HAND_OVER_DEADLINE}
     */
    static String handOver(Path directory, List<String> request) {
        Path socket = directory.resolve(SOCKET_FILE);
        Instant deadline = Instant.now().plus(HAND_OVER_DEADLINE);
        IOException last = null;
        while (Instant.now().isBefore(deadline)) {
            try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                channel.write(StandardCharsets.UTF_8.encode(String.join("\n", request) + "\n"));
                channel.shutdownOutput();
                List<String> answer = readLines(channel);
                return answer.isEmpty() ? "" : answer.getFirst();
            } catch (IOException e) {
                last = e; // not listening yet: it holds the lock and is still starting
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new UncheckedIOException("the running Colima Services did not answer on " + socket,
                last != null ? last : new IOException("interrupted"));
    }

    private static List<String> readLines(SocketChannel channel) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel),
                StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lines.add(line);
        }
        return lines;
    }

    @Override
    public void close() {
        ServerSocketChannel open = server;
        server = null;
        try {
            if (open != null) {
                open.close();
                Files.deleteIfExists(socket);
            }
            if (lock != null) {
                lock.release();
                lockChannel.close();
            }
        } catch (IOException e) {
            LOG.debug("closing the single-instance guard: {}", e.toString());
        }
    }
}
