package io.colimaservices.domain;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RateMeterTest {
    private static final long MS = 1_000_000L;
    private final RateMeter meter = new RateMeter(Duration.ofSeconds(5));

    @Test
    void needsHalfASecondOfHistory() {
        assertThat(meter.perSecond(0)).isEmpty();
        meter.record(0, 0);
        meter.record(400 * MS, 1_000);

        assertThat(meter.perSecond(400 * MS)).isEmpty();
        assertThat(meter.perSecond(500 * MS).orElseThrow()).isCloseTo(2_000, Offset.offset(0.01));
    }

    @Test
    void looksOnlyAtTheWindow() {
        meter.record(0, 0);
        meter.record(1_000 * MS, 100_000);
        for (int s = 2; s <= 20; s++) {
            meter.record(s * 1_000 * MS, 100_000 + (s - 1) * 1_000L);
        }

        assertThat(meter.perSecond(20_000 * MS).orElseThrow()).isCloseTo(1_000, Offset.offset(0.01));
    }

    @Test
    void holdsTheLastValueBetweenSamples() {
        meter.record(0, 0);
        meter.record(2_000 * MS, 10_000);

        assertThat(meter.perSecond(2_000 * MS).orElseThrow()).isCloseTo(5_000, Offset.offset(0.01));
        assertThat(meter.perSecond(4_000 * MS).orElseThrow()).isCloseTo(2_500, Offset.offset(0.01));
        assertThat(meter.perSecond(6_000 * MS).orElseThrow()).isCloseTo(2_000, Offset.offset(0.01));
        assertThat(meter.perSecond(7_000 * MS).orElseThrow()).isZero();
    }
}
