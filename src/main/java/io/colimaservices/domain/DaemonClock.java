package io.colimaservices.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The Docker daemon's clock, read once and carried forward on the host's monotonic clock: "now" on the clock that
 * stamps {@code StartedAt}, {@code FinishedAt} and event times. A Colima VM's clock can be minutes away from the
 * Mac's (it lags after sleep), so container times are compared only with this, never with the host's wall clock.
 * Elapsed time comes from {@link System#nanoTime()}, which no wall-clock change moves.
 */
public final class DaemonClock {
    private final Supplier<Instant> daemonTime;
    private final LongSupplier nanoTime;
    private Instant base;
    private long baseNanos;

    public DaemonClock(Supplier<Instant> daemonTime) {
        this(daemonTime, System::nanoTime);
    }

    public DaemonClock(Supplier<Instant> daemonTime, LongSupplier nanoTime) {
        this.daemonTime = Objects.requireNonNull(daemonTime);
        this.nanoTime = Objects.requireNonNull(nanoTime);
    }

    /**
     * The daemon's time now; the first call asks the daemon.
     *
     * @throws UserError when the daemon cannot be asked
     */
    public synchronized Instant now() {
        if (base == null) {
            long before = nanoTime.getAsLong();
            Instant read = daemonTime.get();
            long after = nanoTime.getAsLong();
            // The reading was taken somewhere during the request: take its middle as the moment it stands for.
            base = read;
            baseNanos = before + (after - before) / 2;
        }
        return base.plusNanos(nanoTime.getAsLong() - baseNanos);
    }
}
