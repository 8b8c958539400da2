package io.colimaservices.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SinceConverterTest {
    private final Instant now = Instant.parse("2026-11-27T12:00:00Z");
    private final SinceConverter since = new SinceConverter(Clock.fixed(now, ZoneOffset.UTC));

    @Test
    void readsDurationsAgoAndAbsoluteTimes() {
        assertThat(since.convert("90s")).isEqualTo(now.minusSeconds(90));
        assertThat(since.convert("1h30m")).isEqualTo(now.minus(Duration.ofMinutes(90)));
        assertThat(since.convert("2d")).isEqualTo(now.minus(Duration.ofDays(2)));
        assertThat(since.convert("250ms")).isEqualTo(now.minusMillis(250));
        assertThat(since.convert("2026-11-27T11:00:00Z")).isEqualTo(Instant.parse("2026-11-27T11:00:00Z"));
    }

    @Test
    void rejectsWhatItCannotRead() {
        assertThatThrownBy(() -> since.convert("ten minutes")).isInstanceOf(CommandLine.TypeConversionException.class);
        assertThatThrownBy(() -> since.convert("10m junk")).isInstanceOf(CommandLine.TypeConversionException.class);
        assertThatThrownBy(() -> since.convert("")).isInstanceOf(CommandLine.TypeConversionException.class);
    }

    @Test
    void logsRejectsABadSinceAsUsage() {
        CliRun run = CliRun.of("logs", "vault", "--since", "yesterday");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("not a time");
    }
}
