package io.colimaservices.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class PullTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            0              | 0 B
            999            | 999 B
            1000           | 1.00 kB
            67129563       | 67.1 MB
            209715200      | 210 MB
            4500000000     | 4.50 GB
            -1             | ?
            """)
    void sizesInDecimalUnitsAsDockerPrintsThem(long bytes, String text) {
        assertThat(PullText.bytes(bytes)).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            PT0.85S  | 850 ms
            PT12S    | 12 s
            PT2M5S   | 2 min 5 s
            PT2M     | 2 min
            PT1H3M   | 1 h 3 min
            """)
    void durations(Duration duration, String text) {
        assertThat(PullText.duration(duration)).isEqualTo(text);
    }
}
