package io.colimaservices.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP forwarder on loopback in front of a registry: limits the rate at which the server's bytes reach the client
 * (so a pull lasts long enough to be interrupted), and can spoil the first connection that carries more than N
 * bytes from the server (a layer's blob: manifests and configs are small), either by cutting it (a reset, as a
 * dropped Wi-Fi or VPN does) or by going silent while keeping it open (as a dead NAT mapping does).
 */
public final class TcpProxy implements AutoCloseable {
    public enum Fault { NONE, CUT, STALL }

    private static final int CHUNK = 16 * 1024;

    private final ServerSocket server;
    private final int targetPort;
    private final long bytesPerSecond;
    private final Fault fault;
    private final long faultAfter;
    private final AtomicBoolean faulted = new AtomicBoolean();
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /**
     * @param bytesPerSecond the server-to-client rate, 0 for no limit
     * @param fault          what happens to the first connection that passes {@code faultAfter} bytes
     */
    public TcpProxy(int targetPort, long bytesPerSecond, Fault fault, long faultAfter) {
        try {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        this.targetPort = targetPort;
        this.bytesPerSecond = bytesPerSecond;
        this.fault = fault;
        this.faultAfter = faultAfter;
        Thread.ofVirtual().name("tcp-proxy").start(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Whether the fault has happened. */
    public boolean faulted() {
        return faulted.get();
    }

    public int connections() {
        return connections.get();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket();
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5_000);
                open.add(client);
                open.add(upstream);
                connections.incrementAndGet();
                Thread.ofVirtual().start(() -> pump(client, upstream, false));
                Thread.ofVirtual().start(() -> pump(upstream, client, true));
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("tcp proxy: " + e);
                }
            }
        }
    }

    private void pump(Socket from, Socket to, boolean serverToClient) {
        byte[] buffer = new byte[CHUNK];
        long sent = 0;
        long start = System.nanoTime();
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
                sent += n;
                if (!serverToClient) {
                    continue;
                }
                if (bytesPerSecond > 0) {
                    long due = start + sent * 1_000_000_000L / bytesPerSecond;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                if (fault != Fault.NONE && sent > faultAfter && faulted.compareAndSet(false, true)) {
                    if (fault == Fault.CUT) {
                        to.setSoLinger(true, 0);
                        to.close();
                        from.close();
                    } else {
                        // Silent: read nothing more and send nothing more, but keep both ends open until close().
                        while (!closed) {
                            Thread.sleep(100);
                        }
                    }
                    return;
                }
            }
            to.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(to);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    /** Stops listening and closes every connection, a silent one too (the engine then sees it end). */
    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing a listening socket
        }
        open.forEach(TcpProxy::closeQuietly);
    }
}
