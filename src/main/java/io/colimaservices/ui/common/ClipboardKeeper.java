package io.colimaservices.ui.common;

import io.colimaservices.domain.ClipboardGuard;
import io.colimaservices.domain.ClipboardService;
import io.colimaservices.domain.Subscription;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The desktop app's one {@link ClipboardGuard}: pages copy through it, {@link ClipboardAutoClear} calls
 * {@link #check()} every second and on wake, and pages listen to the checks to count down. Toolkit-free, so
 * ViewModel tests drive it with a hand clock and an in-memory clipboard.
 */
public final class ClipboardKeeper {
    private final ClipboardGuard guard;
    private final Clock clock;
    private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();

    public ClipboardKeeper(ClipboardService clipboard, Clock clock) {
        this.guard = new ClipboardGuard(clipboard, clock);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Puts {@code value} on the clipboard; it is cleared after {@code clearAfter} if still there. */
    public void copy(String value, Duration clearAfter) {
        guard.copy(value, clearAfter);
    }

    /** How long until the pending value is cleared; empty when nothing is pending. */
    public Optional<Duration> remaining() {
        return guard.pending().map(p -> {
            Duration left = Duration.between(clock.instant(), p.deadline());
            return left.isNegative() ? Duration.ZERO : left;
        });
    }

    /**
     * Clears the clipboard if its time is up and it still holds our value (wall clock: a late call still clears);
     * then tells the listeners whether it cleared. Returns the same.
     */
    public boolean check() {
        boolean cleared = guard.clearIfDue();
        for (Consumer<Boolean> listener : listeners) {
            listener.accept(cleared);
        }
        return cleared;
    }

    /** Hears every {@link #check()} (true when that check cleared the clipboard). */
    public Subscription onCheck(Consumer<Boolean> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
