package io.colimaservices.domain.backup;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Hands the bytes written to it to a thread of its own that writes them on, so that reading a service's stream and
 * compressing, encrypting, hashing and writing it run on different cores (measured: docs/benchmarks.md,
 * "Backups"). Bounded: at most {@value #CHUNKS} chunks of {@value #CHUNK_SIZE} bytes wait, so memory stays flat and a
 * slow disk slows the stream down instead of filling the heap. A failure downstream (a full disk) is thrown to the
 * writer on its next write, flush or {@link #finish}. A platform thread, as the exec's own copies (design.md, "Exec").
 */
final class HandoffOutput extends OutputStream {
    static final int CHUNK_SIZE = 256 * 1024;
    static final int CHUNKS = 8;
    private static final byte[] END = new byte[0];

    private final OutputStream downstream;
    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(CHUNKS);
    private final Thread worker;
    private volatile IOException failure;
    private byte[] current = new byte[CHUNK_SIZE];
    private int used;
    private boolean finished;

    HandoffOutput(OutputStream downstream, String name) {
        this.downstream = downstream;
        this.worker = Thread.ofPlatform().daemon().name(name).start(this::drain);
    }

    private void drain() {
        try {
            while (true) {
                byte[] chunk = queue.take();
                if (chunk == END) {
                    return;
                }
                if (failure == null) {
                    try {
                        downstream.write(chunk);
                    } catch (IOException | RuntimeException e) {
                        failure = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
                    }
                }
            }
        } catch (InterruptedException e) {
            // abandoned: the writer gave up on the stream
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        check();
        while (length > 0) {
            int n = Math.min(length, CHUNK_SIZE - used);
            System.arraycopy(data, offset, current, used, n);
            used += n;
            offset += n;
            length -= n;
            if (used == CHUNK_SIZE) {
                handOff(current);
                current = new byte[CHUNK_SIZE];
                used = 0;
            }
        }
    }

    /** Only checks for a failure downstream: the bytes move in whole chunks, and {@link #finish} sends the rest. */
    @Override
    public void flush() throws IOException {
        check();
    }

    /** Sends what is left, waits until the thread has written everything, and throws what failed downstream. */
    void finish() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        if (used > 0) {
            handOff(java.util.Arrays.copyOf(current, used));
            used = 0;
        }
        handOff(END);
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the last bytes were written");
        }
        check();
    }

    /** Gives up: the thread stops without writing what waits. */
    void abandon() {
        finished = true;
        worker.interrupt();
    }

    /** {@link #abandon()} unless {@link #finish()} ran. */
    @Override
    public void close() {
        if (!finished) {
            abandon();
        }
    }

    private void handOff(byte[] chunk) throws IOException {
        try {
            queue.put(chunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing bytes on");
        }
    }

    private void check() throws IOException {
        IOException failed = failure;
        if (failed != null) {
            throw new IOException(failed.getMessage(), failed);
        }
    }
}
