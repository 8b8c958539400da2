package io.colimaservices.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A bounded ring of one service's log lines: appending past the capacity drops the oldest line and counts it.
 * Every line gets a sequence number so readers (the viewer draining once per frame, the CLI printer) take only
 * what is new and learn how many lines they missed.
 */
public final class LogBuffer {
    public static final int DEFAULT_CAPACITY = 50_000;

    private final LogLine[] ring;
    private long nextSeq;

    public LogBuffer() {
        this(DEFAULT_CAPACITY);
    }

    public LogBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.ring = new LogLine[capacity];
    }

    /** What a reader got: the lines, how many it missed because they were dropped, and where to read next. */
    public record Batch(List<LogLine> lines, long skipped, long nextSeq) {
    }

    public synchronized void append(LogLine line) {
        ring[(int) (nextSeq % ring.length)] = line;
        nextSeq++;
    }

    /** Lines with a sequence number of {@code fromSeq} or more, at most {@code max} of them. */
    public synchronized Batch readFrom(long fromSeq, int max) {
        long oldest = oldestSeq();
        long start = Math.max(fromSeq, oldest);
        long skipped = Math.max(0, oldest - fromSeq);
        int count = (int) Math.min(max, nextSeq - start);
        List<LogLine> lines = new ArrayList<>(Math.max(0, count));
        for (long seq = start; seq < start + count; seq++) {
            lines.add(ring[(int) (seq % ring.length)]);
        }
        return new Batch(lines, skipped, start + Math.max(0, count));
    }

    /** How many lines were dropped to stay within the capacity. */
    public synchronized long dropped() {
        return oldestSeq();
    }

    public synchronized long nextSeq() {
        return nextSeq;
    }

    public synchronized int size() {
        return (int) (nextSeq - oldestSeq());
    }

    private long oldestSeq() {
        return Math.max(0, nextSeq - ring.length);
    }
}
