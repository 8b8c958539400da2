package io.colimaservices.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Turns log frames into lines. Frames are not lines: the daemon splits a long line into several messages (each with
 * its own timestamp, the last one ending in a newline), so a line may span frames; bytes of a multi-byte character
 * may sit on both sides of a split, so text is decoded only once a line is whole. stdout and stderr are assembled
 * apart. A line longer than {@link #MAX_LINE_BYTES} is cut there rather than held without bound. Not thread-safe:
 * one assembler per stream.
 */
public final class LogLineAssembler {
    public static final int MAX_LINE_BYTES = 1 << 20;

    private final String service;
    private final Consumer<LogLine> out;
    private final boolean timestamped;
    private final Pending[] pending = {new Pending(), new Pending()};
    private Instant lastTime = Instant.EPOCH;

    public LogLineAssembler(String service, Consumer<LogLine> out) {
        this(service, out, true);
    }

    /**
     * @param timestamped whether the engine puts its timestamp before every message; without, a line that starts
     *                    with a date is left alone
     */
    public LogLineAssembler(String service, Consumer<LogLine> out, boolean timestamped) {
        this.service = service;
        this.out = out;
        this.timestamped = timestamped;
    }

    /** See {@link LogFrameSink#onFrame}: {@code messageBoundary} is true for multiplexed streams. */
    public void accept(LogSource source, byte[] data, int offset, int length, boolean messageBoundary) {
        Pending line = pending[source.ordinal()];
        int end = offset + length;
        int p = offset;
        if (messageBoundary || line.size == 0) {
            // A message starts with its timestamp; in a raw (TTY) stream only line starts are checked.
            p = skipTimestamp(data, p, end);
        }
        if (line.size == 0) {
            line.time = lastTime;
        }
        while (p < end) {
            int newline = indexOf(data, p, end);
            int stop = newline < 0 ? end : newline;
            if (newline >= 0 && line.size == 0) {
                // The common case: a whole line inside one frame, decoded straight from it.
                out.accept(new LogLine(service, line.time, source, text(data, p, stop)));
            } else {
                appendBounded(source, line, data, p, stop);
                if (newline < 0) {
                    return;
                }
                emit(source, line);
            }
            p = newline + 1;
            if (!messageBoundary && p < end) {
                p = skipTimestamp(data, p, end);
            }
            line.time = lastTime;
        }
    }

    /** Emits what is left of unfinished lines (the stream ended without a final newline). */
    public void finish() {
        for (LogSource source : LogSource.values()) {
            Pending line = pending[source.ordinal()];
            if (line.size > 0) {
                emit(source, line);
            }
        }
    }

    private int skipTimestamp(byte[] data, int p, int end) {
        if (!timestamped) {
            return p;
        }
        int stamp = DockerTimestamps.length(data, p, end);
        if (stamp <= 0) {
            return p;
        }
        lastTime = DockerTimestamps.parse(data, p, stamp);
        return p + stamp + 1;
    }

    private void appendBounded(LogSource source, Pending line, byte[] data, int from, int to) {
        int p = from;
        while (p < to) {
            p += line.append(data, p, to - p);
            if (line.size >= MAX_LINE_BYTES) {
                emit(source, line);
                line.time = lastTime;
            }
        }
    }

    private void emit(LogSource source, Pending line) {
        out.accept(new LogLine(service, line.time == null ? lastTime : line.time, source,
                text(line.bytes, 0, line.size)));
        line.size = 0;
    }

    /** UTF-8 text of a line, without the carriage return a TTY or a Windows-style program puts before the newline. */
    private static String text(byte[] data, int from, int to) {
        int stop = to > from && data[to - 1] == '\r' ? to - 1 : to;
        return new String(data, from, stop - from, StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] data, int from, int end) {
        for (int i = from; i < end; i++) {
            if (data[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The bytes of a line not yet ended, and the time of its first piece. */
    private static final class Pending {
        byte[] bytes = new byte[256];
        int size;
        Instant time;

        /** Appends as much as fits under the line limit; returns how much it took. */
        int append(byte[] data, int offset, int length) {
            int take = Math.min(MAX_LINE_BYTES - size, length);
            if (size + take > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.min(MAX_LINE_BYTES, Math.max(size + take, bytes.length * 2)));
            }
            System.arraycopy(data, offset, bytes, size, take);
            size += take;
            return take;
        }
    }
}
