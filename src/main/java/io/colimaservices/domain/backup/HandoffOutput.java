package io.colimaservices.domain.backup;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Hands the bytes written to it to a thread of its own that writes them on, so that reading a service's stream and
 * compressing, encrypting, hashing and writing it run on different cores (measured: docs/benchmarks.md,
 * "Backups"). Bounded and allocation-free: {@value #CHUNKS} buffers of {@value #CHUNK_SIZE} bytes go round between
 * the writer and the thread, so memory stays flat (new buffers per chunk were measured to grow a small heap to
 * ~1 GiB: they outlived the young generation while queued) and a slow disk slows the stream down. A failure downstream (a full disk) is thrown to the
 * writer on its next write, flush or {@link #finish}. A platform thread, as the exec's own copies (design.md, "Exec").
 */
final class HandoffOutput extends OutputStream {
    static final int CHUNK_SIZE = 256 * 1024;
    static final int CHUNKS = 8;
    /** A filled buffer and how much of it holds bytes; a null buffer ends the stream. */
    private record Chunk(byte[] buffer, int length) {
    }

    private static final Chunk END = new Chunk(null, 0);

    private final OutputStream downstream;
    private final BlockingQueue<Chunk> filled = new ArrayBlockingQueue<>(CHUNKS + 1);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS);
    private final Thread worker;
    private volatile IOException failure;
    private byte[] current;
    private int used;
    private boolean finished;

    HandoffOutput(OutputStream downstream, String name) {
        this.downstream = downstream;
        for (int i = 0; i < CHUNKS - 1; i++) {
            free.add(new byte[CHUNK_SIZE]);
        }
        this.current = new byte[CHUNK_SIZE];
        this.worker = Thread.ofPlatform().daemon().name(name).start(this::drain);
    }

    private void drain() {
        try {
            while (true) {
                Chunk chunk = filled.take();
                if (chunk == END) {
                    return;
                }
                if (failure == null) {
                    try {
                        downstream.write(chunk.buffer(), 0, chunk.length());
                    } catch (IOException | RuntimeException e) {
                        failure = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
                    }
                }
                free.put(chunk.buffer());
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
                handOff(new Chunk(current, used));
                current = nextFree();
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
            handOff(new Chunk(current, used));
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

    private void handOff(Chunk chunk) throws IOException {
        try {
            filled.put(chunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing bytes on");
        }
    }

    private byte[] nextFree() throws IOException {
        try {
            return free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the writer thread");
        }
    }

    private void check() throws IOException {
        IOException failed = failure;
        if (failed != null) {
            throw new IOException(failed.getMessage(), failed);
        }
    }
}
