package io.colimaservices.colima;

import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Looks at a path that should be a Docker socket: whether anything is there, whether it is a socket, whether
 * anyone listens, and whether what listens answers {@code GET /_ping} as Docker does. Only the socket file is
 * touched: no network.
 */
final class UnixSocketProbe {
    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;
    private static final int MAX_REPLY = 4096;
    /** The cheapest request Docker answers; {@code Connection: close} so the reply ends the exchange. */
    private static final String PING = "GET /_ping HTTP/1.1\r\nHost: docker\r\nConnection: close\r\n\r\n";

    enum Result { MISSING, DANGLING_LINK, NOT_A_SOCKET, REFUSING, NOT_ANSWERING, ANSWERING }

    /** @param detail what was found, for a person, naming the path */
    record Probe(Result result, String detail) {
    }

    private UnixSocketProbe() {
    }

    static Probe probe(Path socket, Duration deadline) {
        if (Files.isSymbolicLink(socket) && !Files.exists(socket)) {
            return new Probe(Result.DANGLING_LINK, socket + " is a link to " + linkTarget(socket)
                    + ", which does not exist");
        }
        if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            return new Probe(Result.MISSING, "nothing at " + socket);
        }
        String kind = kind(socket);
        if (!kind.equals("socket")) {
            return new Probe(Result.NOT_A_SOCKET, socket + " is a " + kind + ", not a socket");
        }
        return exchange(socket, deadline);
    }

    /** Connects and asks {@code GET /_ping}, on a virtual thread the deadline can abandon. */
    private static Probe exchange(Path socket, Duration deadline) {
        AtomicReference<SocketChannel> open = new AtomicReference<>();
        AtomicBoolean connected = new AtomicBoolean();
        CompletableFuture<Probe> answer = new CompletableFuture<>();
        Thread.ofVirtual().name("socket-probe").start(() -> {
            try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                open.set(channel);
                channel.connect(UnixDomainSocketAddress.of(socket));
                connected.set(true);
                channel.write(ByteBuffer.wrap(PING.getBytes(StandardCharsets.US_ASCII)));
                answer.complete(reply(socket, channel));
            } catch (ConnectException e) {
                answer.complete(new Probe(Result.REFUSING, socket + " refuses connections: nothing listens on it ("
                        + e.getMessage() + ")"));
            } catch (IOException e) {
                answer.complete(connected.get()
                        ? new Probe(Result.NOT_ANSWERING, socket + " accepted a connection, then failed: "
                                + e.getMessage())
                        : new Probe(Result.REFUSING, socket + " cannot be connected to: " + e.getMessage()));
            }
        });
        try {
            return answer.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            closeQuietly(open.get());
            return new Probe(Result.NOT_ANSWERING, socket + (connected.get()
                    ? " accepted a connection but did not answer GET /_ping within "
                    : " did not accept a connection within ") + Durations.human(deadline));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(open.get());
            return new Probe(Result.NOT_ANSWERING, "the look at " + socket + " was interrupted");
        } catch (ExecutionException e) {
            return new Probe(Result.NOT_ANSWERING, socket + ": " + e.getCause());
        }
    }

    private static Probe reply(Path socket, SocketChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(MAX_REPLY);
        while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
            if (firstLine(buffer).isPresent()) {
                break;
            }
        }
        String statusLine = firstLine(buffer).orElse(new String(buffer.array(), 0, buffer.position(),
                StandardCharsets.US_ASCII).strip());
        if (statusLine.startsWith("HTTP/")) {
            return new Probe(Result.ANSWERING, socket + " answered GET /_ping: " + statusLine);
        }
        String said = statusLine.isEmpty()
                ? " (it closed without a word)"
                : " (it said '" + abbreviate(statusLine) + "')";
        return new Probe(Result.NOT_ANSWERING, socket + " accepted a connection but did not answer as Docker" + said);
    }

    private static Optional<String> firstLine(ByteBuffer buffer) {
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
        int end = text.indexOf("\r\n");
        return end < 0 ? Optional.empty() : Optional.of(text.substring(0, end));
    }

    private static String kind(Path path) {
        try {
            Object mode = Files.getAttribute(path, "unix:mode");
            if (mode instanceof Integer bits) {
                return (bits & S_IFMT) == S_IFSOCK ? "socket" : describe(path);
            }
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
            // No unix view on this file system: fall back to "other", which sockets are.
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return attributes.isOther() ? "socket" : describe(path);
        } catch (IOException e) {
            return "file that cannot be read (" + e.getMessage() + ")";
        }
    }

    private static String describe(Path path) {
        if (Files.isDirectory(path)) {
            return "directory";
        }
        return Files.isRegularFile(path) ? "regular file" : "special file";
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "an unreadable target";
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing only to unblock the probe thread
            }
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
