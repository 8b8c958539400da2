package io.colimaservices.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What to ask the engine for. There is always a tail: the engine's default is the whole log, which for a chatty
 * service is gigabytes. Timestamps order merged streams and let a broken stream resume without duplicates, so a
 * follow always has them; a one-shot read of one service may go without ({@link #untimed}), which spares the
 * daemon formatting one per line.
 *
 * @param timestamps ask the engine to put its timestamp before every message
 */
public record LogRequest(boolean follow, int tail, Optional<Instant> since, boolean timestamps) {
    public static final int DEFAULT_TAIL = 200;
    /** Every line after {@code since}; only with a {@code since}, so it can never mean the whole log. */
    public static final int ALL_SINCE = -1;

    public LogRequest {
        if (tail < ALL_SINCE || (tail == ALL_SINCE && since.isEmpty())) {
            throw new IllegalArgumentException("tail must be >= 0, or ALL_SINCE with a since");
        }
        Objects.requireNonNull(since, "since");
        if (follow && !timestamps) {
            throw new IllegalArgumentException("a follow needs timestamps to resume without duplicates");
        }
    }

    /** With timestamps. */
    public LogRequest(boolean follow, int tail, Optional<Instant> since) {
        this(follow, tail, since, true);
    }

    /** A one-shot read without timestamps (lines carry no time; they cannot be merged or resumed). */
    public static LogRequest untimed(int tail, Optional<Instant> since) {
        return new LogRequest(false, tail, since, false);
    }
}
