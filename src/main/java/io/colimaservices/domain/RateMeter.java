package io.colimaservices.domain;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalDouble;

/**
 * The rate of a growing counter over a sliding window: {@code (value now - value window ago) / window}, where the
 * counter holds its last value between samples, so a stalled transfer's rate falls to zero as time passes instead
 * of freezing at its last speed. Needs half a second of history before it gives a rate. Not thread-safe.
 */
final class RateMeter {
    private static final long MIN_SPAN = Duration.ofMillis(500).toNanos();

    private record Sample(long nanos, long value) {
    }

    private final long window;
    private final Deque<Sample> samples = new ArrayDeque<>();

    RateMeter(Duration window) {
        this.window = window.toNanos();
    }

    void record(long nanos, long value) {
        samples.addLast(new Sample(nanos, value));
        // Keep one sample at or before the window's start: it is the counter's value there.
        while (samples.size() > 2 && nanos - secondOldest().nanos >= window) {
            samples.removeFirst();
        }
    }

    /** Units per second, empty while there is too little history. */
    OptionalDouble perSecond(long now) {
        if (samples.isEmpty()) {
            return OptionalDouble.empty();
        }
        long span = Math.min(window, now - samples.getFirst().nanos);
        if (span < MIN_SPAN) {
            return OptionalDouble.empty();
        }
        long from = now - span;
        long base = samples.getFirst().value;
        for (Sample s : samples) {
            if (s.nanos <= from) {
                base = s.value;
            }
        }
        return OptionalDouble.of((samples.getLast().value - base) * 1e9 / span);
    }

    private Sample secondOldest() {
        var it = samples.iterator();
        it.next();
        return it.next();
    }
}
