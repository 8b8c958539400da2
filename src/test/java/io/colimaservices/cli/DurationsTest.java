package io.colimaservices.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationsTest {
    private final Instant now = Instant.parse("2026-11-27T12:00:00Z");
    private final Durations durations = new Durations(Clock.fixed(now, ZoneOffset.UTC));

    @Test
    void readsDurationsAgoAndAbsoluteTimes() {
        assertThat(durations.convert("90s")).isEqualTo(now.minusSeconds(90));
        assertThat(durations.convert("1h30m")).isEqualTo(now.minus(Duration.ofMinutes(90)));
        assertThat(durations.convert("2d")).isEqualTo(now.minus(Duration.ofDays(2)));
        assertThat(durations.convert("250ms")).isEqualTo(now.minusMillis(250));
        assertThat(durations.convert("2026-11-27T11:00:00Z")).isEqualTo(Instant.parse("2026-11-27T11:00:00Z"));
    }

    @Test
    void rejectsWhatItCannotRead() {
        assertThatThrownBy(() -> durations.convert("ten minutes")).isInstanceOf(CommandLine.TypeConversionException.class);
        assertThatThrownBy(() -> durations.convert("10m junk")).isInstanceOf(CommandLine.TypeConversionException.class);
        assertThatThrownBy(() -> durations.convert("")).isInstanceOf(CommandLine.TypeConversionException.class);
    }

    @Test
    void logsRejectsABadSinceAsUsage() {
        CliRun run = CliRun.of("logs", "vault", "--since", "yesterday");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("not a time");
    }
}
