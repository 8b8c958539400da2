package io.colimaservices.domain;

import java.time.Duration;

/** Doubling delays between reconnection attempts, from {@code initial} up to {@code max}; reset on success. */
public final class Backoff {
    private final Duration initial;
    private final Duration max;
    private Duration next;

    public Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    /** The delay to wait now; the following one is twice as long, up to the maximum. */
    public synchronized Duration next() {
        Duration now = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return now;
    }

    public synchronized void reset() {
        next = initial;
    }
}
