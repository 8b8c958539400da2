package io.colimaservices.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WakeDetectorTest {

    @Test
    void wakeIsWallTimeFarBeyondTheSleep() {
        Duration threshold = Duration.ofSeconds(30);
        assertThat(WakeDetector.isWake(Duration.ofSeconds(10), Duration.ofSeconds(11), threshold)).isFalse();
        assertThat(WakeDetector.isWake(Duration.ofSeconds(10), Duration.ofSeconds(40), threshold)).isFalse();
        assertThat(WakeDetector.isWake(Duration.ofSeconds(10), Duration.ofMinutes(45), threshold)).isTrue();
    }

    @Test
    void jumpOfTheWallClockCallsBackOnceAndSteadyTimeNever() throws InterruptedException {
        AtomicLong offset = new AtomicLong();
        AtomicInteger wakes = new AtomicInteger();
        try (WakeDetector detector = new WakeDetector(Duration.ofMillis(20), Duration.ofSeconds(5),
                () -> System.currentTimeMillis() + offset.get(), wakes::incrementAndGet)) {
            detector.start();
            Thread.sleep(200);
            assertThat(wakes.get()).isZero();

            offset.addAndGet(Duration.ofHours(1).toMillis()); // the lid was closed for an hour

            await().atMost(Duration.ofSeconds(5)).until(() -> wakes.get() == 1);
            Thread.sleep(200);
            assertThat(wakes.get()).isEqualTo(1);
        }
    }
}
