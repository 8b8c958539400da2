package io.colimaservices.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What to ask the engine for. There is always a tail: the engine's default is the whole log, which for a chatty
 * service is gigabytes. The engine adapter always asks for timestamps: they order merged streams and let a broken
 * stream resume without duplicates.
 */
public record LogRequest(boolean follow, int tail, Optional<Instant> since) {
    public static final int DEFAULT_TAIL = 200;
    /** Every line after {@code since}; only with a {@code since}, so it can never mean the whole log. */
    public static final int ALL_SINCE = -1;

    public LogRequest {
        if (tail < ALL_SINCE || (tail == ALL_SINCE && since.isEmpty())) {
            throw new IllegalArgumentException("tail must be >= 0, or ALL_SINCE with a since");
        }
        Objects.requireNonNull(since, "since");
    }
}
