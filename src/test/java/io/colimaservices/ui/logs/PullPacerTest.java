package io.colimaservices.ui.logs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PullPacerTest {
    private static final long FRAME = 16_666_667L;

    @Test
    void takesLinesEveryFrameAtNormalRates() {
        PullPacer pacer = new PullPacer();
        long now = 1_000_000_000L;
        for (int frame = 0; frame < 5; frame++) {
            assertThat(pacer.due(now)).isTrue();
            pacer.pulled(now, PullPacer.FLOOD_LINES);
            now += FRAME;
        }
    }

    @Test
    void underAFloodSkipsOneFrameThenTakesAgain() {
        PullPacer pacer = new PullPacer();
        long now = 1_000_000_000L;
        assertThat(pacer.due(now)).isTrue();
        pacer.pulled(now, PullPacer.FLOOD_LINES + 1);

        assertThat(pacer.due(now + FRAME)).isFalse();
        assertThat(pacer.due(now + 2 * FRAME)).isTrue();
    }

    @Test
    void aQuietFrameAfterAFloodIsNotDelayed() {
        PullPacer pacer = new PullPacer();
        pacer.pulled(0, 5_000);
        pacer.pulled(2 * FRAME, 3);

        assertThat(pacer.due(3 * FRAME)).isTrue();
    }
}
