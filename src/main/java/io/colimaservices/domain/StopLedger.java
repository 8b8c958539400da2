package io.colimaservices.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which services the app itself stopped or restarted lately, so that their exit codes from a stop signal (130, 137,
 * 143) are not reported as crashes.
 */
public final class StopLedger {
    public static final Duration MEMORY = Duration.ofMinutes(2);

    private final Clock clock;
    private final Map<String, Instant> stopped = new ConcurrentHashMap<>();

    public StopLedger(Clock clock) {
        this.clock = clock;
    }

    /** The app is about to stop (or restart) this service. */
    public void stopping(String service) {
        stopped.put(service, clock.instant());
    }

    public boolean stoppedByUs(String service) {
        Instant at = stopped.get(service);
        return at != null && !at.plus(MEMORY).isBefore(clock.instant());
    }
}
