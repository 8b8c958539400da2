package io.colimaservices.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Puts a secret on the clipboard and takes it off again once its time is up, but only if the clipboard still holds
 * it: whatever the user copied since stays. Keeps a SHA-256 of the value, never the value. Due times are wall-clock
 * instants, not timer delays: a background app's timers can fire long after they should (App Nap on macOS), so
 * whoever drives this calls {@link #clearIfDue()} from a timer and again on wake; a late call still clears.
 * Toolkit-free: the CLI's detached clearer and the desktop app share it.
 */
public final class ClipboardGuard {
    public static final Duration DEFAULT_CLEAR_AFTER = Duration.ofSeconds(30);

    private final ClipboardService clipboard;
    private final Clock clock;
    private Pending pending;

    /** What was put on the clipboard and when it has to go; holds a digest only. */
    public record Pending(byte[] sha256, Instant deadline) {
        public Pending {
            sha256 = sha256.clone();
            Objects.requireNonNull(deadline, "deadline");
        }

        @Override
        public byte[] sha256() {
            return sha256.clone();
        }

        public String sha256Hex() {
            return java.util.HexFormat.of().formatHex(sha256);
        }
    }

    public ClipboardGuard(ClipboardService clipboard, Clock clock) {
        this.clipboard = Objects.requireNonNull(clipboard);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Copies {@code value} and remembers to clear it after {@code clearAfter}; returns what is pending. */
    public synchronized Pending copy(String value, Duration clearAfter) {
        if (clearAfter.isNegative() || clearAfter.isZero()) {
            throw new IllegalArgumentException("clear-after must be positive: " + clearAfter);
        }
        clipboard.put(value);
        pending = new Pending(sha256(value), clock.instant().plus(clearAfter));
        return pending;
    }

    public synchronized Optional<Pending> pending() {
        return Optional.ofNullable(pending);
    }

    /**
     * Clears the clipboard if the deadline has passed and it still holds our value; forgets the value once past
     * the deadline either way. Returns true when it cleared.
     */
    public synchronized boolean clearIfDue() {
        if (pending == null || clock.instant().isBefore(pending.deadline())) {
            return false;
        }
        Pending due = pending;
        pending = null;
        return clearIfStillHolds(clipboard, due.sha256());
    }

    /** Clears the clipboard when its text hashes to {@code sha256}. */
    public static boolean clearIfStillHolds(ClipboardService clipboard, byte[] sha256) {
        Optional<String> current = clipboard.read();
        if (current.isPresent() && MessageDigest.isEqual(sha256(current.get()), sha256)) {
            clipboard.clear();
            return true;
        }
        return false;
    }

    public static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
