package io.colimaservices.app;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class AppExitTest {
    private final BlockingQueue<Integer> halted = new ArrayBlockingQueue<>(4);

    @Test
    void aSignalBeforeTheStartIsKeptAndTheStartGivesWay() {
        AppExit exit = new AppExit(Duration.ofMinutes(1), halted::add);

        exit.requestQuit(143);
        AtomicInteger quits = new AtomicInteger();

        assertThat(exit.started(quits::incrementAndGet)).isFalse();
        assertThat(quits).hasValue(0);
        assertThat(exit.status()).isEqualTo(143);
    }

    @Test
    void aSignalAfterTheStartQuitsOnceWithItsStatus() {
        AppExit exit = new AppExit(Duration.ofMinutes(1), halted::add);
        AtomicInteger quits = new AtomicInteger();
        assertThat(exit.started(quits::incrementAndGet)).isTrue();

        exit.requestQuit(130);
        exit.requestQuit(143);

        assertThat(quits).hasValue(1);
        assertThat(exit.status()).isEqualTo(130);
        assertThat(halted).isEmpty();
    }

    @Test
    void aQuitFromTheMenuEndsWithZero() {
        AppExit exit = new AppExit(Duration.ofMinutes(1), halted::add);
        exit.started(() -> { });

        exit.quitting();

        assertThat(exit.status()).isZero();
    }

    @Test
    void aQuitThatHangsEndsTheProcessAtTheDeadlineWithTheSignalsStatus() throws Exception {
        AppExit exit = new AppExit(Duration.ofMillis(200), halted::add);
        exit.started(() -> {
            // a quit that never gets anywhere
        });

        exit.requestQuit(143);

        assertThat(halted.poll(10, TimeUnit.SECONDS)).isEqualTo(143);
        exit.quitting();
        assertThat(halted.poll(500, TimeUnit.MILLISECONDS)).as("one deadline only").isNull();
    }
}
