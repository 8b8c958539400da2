package io.colimaservices.domain;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ClipboardGuardTest {

    /** A clipboard in memory. */
    static final class MemoryClipboard implements ClipboardService {
        String text = "";

        @Override
        public void put(String value) {
            text = value;
        }

        @Override
        public Optional<String> read() {
            return Optional.of(text);
        }

        @Override
        public void clear() {
            text = "";
        }

        @Override
        public String description() {
            return "memory";
        }
    }

    /** A clock the test moves by hand, standing for the wall clock. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-11-27T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void clearsOnlyOnceDueAndOnlyIfTheClipboardStillHoldsTheValue() {
        MemoryClipboard clipboard = new MemoryClipboard();
        HandClock clock = new HandClock();
        ClipboardGuard guard = new ClipboardGuard(clipboard, clock);

        ClipboardGuard.Pending pending = guard.copy("s3cret-value", Duration.ofSeconds(30));
        assertThat(clipboard.text).isEqualTo("s3cret-value");
        assertThat(pending.deadline()).isEqualTo(clock.now.plusSeconds(30));
        assertThat(pending.toString()).doesNotContain("s3cret-value");

        clock.now = clock.now.plusSeconds(29);
        assertThat(guard.clearIfDue()).isFalse();
        assertThat(clipboard.text).isEqualTo("s3cret-value");

        // A timer that fired very late (App Nap, sleep) still clears: the deadline is wall-clock time.
        clock.now = clock.now.plus(Duration.ofHours(3));
        assertThat(guard.clearIfDue()).isTrue();
        assertThat(clipboard.text).isEmpty();
        assertThat(guard.pending()).isEmpty();
    }

    @Test
    void leavesWhatTheUserCopiedSince() {
        MemoryClipboard clipboard = new MemoryClipboard();
        HandClock clock = new HandClock();
        ClipboardGuard guard = new ClipboardGuard(clipboard, clock);
        guard.copy("s3cret-value", Duration.ofSeconds(30));
        clipboard.put("the user's own text");

        clock.now = clock.now.plusSeconds(31);
        assertThat(guard.clearIfDue()).isFalse();
        assertThat(clipboard.text).isEqualTo("the user's own text");
        assertThat(guard.pending()).isEmpty();
    }
}
