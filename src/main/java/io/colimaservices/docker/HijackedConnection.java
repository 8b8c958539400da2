package io.colimaservices.docker;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One HTTP request whose connection the Docker daemon then hands over to a process's streams ("hijacking", what
 * {@code docker exec} does): the daemon answers {@code 101 UPGRADED} and from then on the socket carries the
 * process's output one way and its input the other. Written here on a JDK {@link SocketChannel} because the end of
 * the input must be a half-close of the socket ({@link #closeOutput()}), which is how the daemon learns that stdin
 * ended; docker-java's httpclient5 transport has no half-close (docker-java issues 1448 and 1684), so a command
 * reading its input to the end never ended there.
 *
 * <p>Reads and writes go straight to the channel (its own read and write locks), so one thread may read while
 * another writes: {@code Channels.newInputStream} and {@code newOutputStream} share one lock and would not.
 */
final class HijackedConnection implements AutoCloseable {
    private static final int MAX_HEADER_LINE = 8 * 1024;

    private final SocketChannel channel;
    private final InputStream input;
    private final OutputStream output;
    private final String contentType;

    private HijackedConnection(SocketChannel channel, InputStream input, String contentType) {
        this.channel = channel;
        this.input = input;
        this.output = new ChannelOutput(channel);
        this.contentType = contentType;
    }

    /**
     * Connects, sends {@code POST path} with {@code body}, and reads the answer's head, all within {@code deadline}
     * (the channel is closed at the deadline, which ends a connect or read in progress).
     *
     * @throws IOException when the engine cannot be reached, does not answer in time, or refuses (with its message)
     */
    static HijackedConnection open(URI host, String path, String jsonBody, Duration deadline) throws IOException {
        SocketChannel channel = channelFor(host);
        CountDownLatch answered = new CountDownLatch(1);
        AtomicBoolean timedOut = new AtomicBoolean();
        Thread.ofVirtual().name("docker-exec-deadline").start(() -> {
            try {
                if (!answered.await(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                    timedOut.set(true);
                    channel.close();
                }
            } catch (InterruptedException | IOException e) {
                // nothing to cut any more
            }
        });
        try {
            connect(channel, host);
            byte[] body = jsonBody.getBytes(StandardCharsets.UTF_8);
            String head = "POST " + path + " HTTP/1.1\r\n"
                    + "Host: docker\r\n"
                    + "User-Agent: colima-services\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n"
                    + "Connection: Upgrade\r\n"
                    + "Upgrade: tcp\r\n\r\n";
            OutputStream out = new ChannelOutput(channel);
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            InputStream in = new BufferedInputStream(new ChannelInput(channel), 64 * 1024);
            String status = line(in);
            int code = statusCode(status);
            String contentType = "";
            long contentLength = -1;
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                if (colon > 0) {
                    String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                    String value = header.substring(colon + 1).strip();
                    if (name.equals("content-type")) {
                        contentType = value;
                    } else if (name.equals("content-length")) {
                        contentLength = parseLength(value);
                    }
                }
            }
            if (code != 101 && code != 200) {
                throw new EngineRefused(code, errorMessage(in, contentLength));
            }
            answered.countDown();
            return new HijackedConnection(channel, in, contentType);
        } catch (IOException | RuntimeException e) {
            answered.countDown();
            closeQuietly(channel);
            if (timedOut.get()) {
                throw new SocketTimeoutException("no answer from the Docker engine within " + deadline.toSeconds()
                        + " s");
            }
            throw e;
        }
    }

    /** An answer other than the upgrade: the engine's status and message (its JSON {@code message}). */
    static final class EngineRefused extends IOException {
        private final int status;

        EngineRefused(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    private static SocketChannel channelFor(URI host) throws IOException {
        return switch (host.getScheme()) {
            case "unix" -> SocketChannel.open(StandardProtocolFamily.UNIX);
            case "tcp" -> SocketChannel.open();
            default -> throw new IOException("exec needs a unix:// or tcp:// Docker host, not " + host);
        };
    }

    private static void connect(SocketChannel channel, URI host) throws IOException {
        if (host.getScheme().equals("unix")) {
            channel.connect(UnixDomainSocketAddress.of(host.getPath()));
        } else {
            channel.connect(new InetSocketAddress(host.getHost(), host.getPort() < 0 ? 2375 : host.getPort()));
        }
    }

    private static int statusCode(String status) throws IOException {
        String[] parts = status.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP answer: " + status);
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP answer: " + status, e);
        }
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String errorMessage(InputStream in, long contentLength) throws IOException {
        byte[] body = in.readNBytes((int) Math.min(contentLength < 0 ? 4096 : contentLength, 4096));
        String text = new String(body, StandardCharsets.UTF_8).strip();
        int key = text.indexOf("\"message\"");
        if (key >= 0) {
            int start = text.indexOf('"', text.indexOf(':', key) + 1);
            int end = text.lastIndexOf('"');
            if (start >= 0 && end > start) {
                return text.substring(start + 1, end).replace("\\\"", "\"");
            }
        }
        return text;
    }

    /** One CRLF-terminated line of the answer's head, without the CRLF. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the Docker engine closed the connection before answering");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
            if (line.size() > MAX_HEADER_LINE) {
                throw new IOException("answer header line longer than " + MAX_HEADER_LINE + " bytes");
            }
        }
    }

    /** The process's output: raw with a tty, else multiplexed frames. Positioned after the answer's head. */
    InputStream input() {
        return input;
    }

    /** The process's input. */
    OutputStream output() {
        return output;
    }

    String contentType() {
        return contentType;
    }

    /** Half-close: the process's input ends (EOF) while its output keeps coming. */
    void closeOutput() throws IOException {
        if (channel.isOpen()) {
            channel.shutdownOutput();
        }
    }

    boolean isOpen() {
        return channel.isOpen();
    }

    /** Cuts the connection; a read or write in progress on another thread ends with an exception. */
    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // a socket that fails to close is closed enough
        }
    }

    private static final class ChannelInput extends InputStream {
        private final SocketChannel channel;

        ChannelInput(SocketChannel channel) {
            this.channel = channel;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            return channel.read(ByteBuffer.wrap(buffer, offset, length));
        }
    }

    private static final class ChannelOutput extends OutputStream {
        private final SocketChannel channel;

        ChannelOutput(SocketChannel channel) {
            this.channel = channel;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] data, int offset, int length) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(data, offset, length);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }
}
