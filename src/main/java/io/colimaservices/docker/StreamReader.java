package io.colimaservices.docker;

import io.colimaservices.domain.LogFrameSink;
import io.colimaservices.domain.LogSource;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a log response body into frames without losing their boundaries (docker-java's own reader cuts every
 * frame into 1 KiB pieces, which hides where the daemon's messages end). Multiplexed streams carry an 8-byte
 * header per frame: {@code [stream, 0, 0, 0, size (uint32 big endian)]}; a TTY container's stream is raw bytes.
 */
final class StreamReader {
    private static final int HEADER = 8;
    private static final int RAW_CHUNK = 64 * 1024;

    private StreamReader() {
    }

    /** Reads until the end of the stream, handing each frame to the sink. */
    static void pump(InputStream body, LogFrameSink sink) throws IOException {
        byte[] header = new byte[HEADER];
        byte[] payload = new byte[16 * 1024];
        int first = body.read();
        if (first < 0) {
            return;
        }
        if (first > 2) {
            pumpRaw(first, body, sink);
            return;
        }
        header[0] = (byte) first;
        if (!readFully(body, header, 1, HEADER - 1)) {
            return;
        }
        while (true) {
            int size = ((header[4] & 0xff) << 24) | ((header[5] & 0xff) << 16) | ((header[6] & 0xff) << 8)
                    | (header[7] & 0xff);
            if (size < 0) {
                throw new IOException("frame larger than 2 GiB");
            }
            if (size > payload.length) {
                payload = new byte[Math.max(size, payload.length * 2)];
            }
            if (!readFully(body, payload, 0, size)) {
                return;
            }
            LogSource source = header[0] == 2 ? LogSource.STDERR : LogSource.STDOUT;
            sink.onFrame(source, payload, 0, size, true);
            if (!readFully(body, header, 0, HEADER)) {
                return;
            }
        }
    }

    /** Reads a stream known to be raw (a TTY's) until its end, in chunks as they come. */
    static void pumpRaw(InputStream body, LogFrameSink sink) throws IOException {
        int first = body.read();
        if (first >= 0) {
            pumpRaw(first, body, sink);
        }
    }

    private static void pumpRaw(int first, InputStream body, LogFrameSink sink) throws IOException {
        byte[] chunk = new byte[RAW_CHUNK];
        chunk[0] = (byte) first;
        int filled = 1;
        while (true) {
            int n = body.read(chunk, filled, chunk.length - filled);
            if (n < 0) {
                if (filled > 0) {
                    sink.onFrame(LogSource.STDOUT, chunk, 0, filled, false);
                }
                return;
            }
            filled += n;
            sink.onFrame(LogSource.STDOUT, chunk, 0, filled, false);
            filled = 0;
        }
    }

    /** False at a clean end of stream before the first byte; an end in the middle is an error. */
    private static boolean readFully(InputStream in, byte[] buffer, int offset, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int n = in.read(buffer, offset + done, length - done);
            if (n < 0) {
                if (done == 0 && offset == 0) {
                    return false;
                }
                throw new IOException("log stream ended inside a frame");
            }
            done += n;
        }
        return true;
    }
}
