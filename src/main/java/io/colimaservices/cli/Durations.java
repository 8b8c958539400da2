package io.colimaservices.cli;

import picocli.CommandLine;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Reads {@code logs --since} in docker's forms: a time ago in the command line's duration syntax ({@code 90s},
 * {@code 10m}, {@code 1h30m}, {@code 2d}), an RFC 3339 time ({@code 2025-01-02T13:23:37Z}), or, as docker reads a
 * bare number there, a Unix timestamp in seconds ({@code 1735824217}, fractions allowed).
 */
final class Durations implements CommandLine.ITypeConverter<Instant> {
    private static final Pattern UNIX_TIME = Pattern.compile("\\d+(\\.\\d{1,9})?");
    private final Clock clock;

    Durations() {
        this(Clock.systemUTC());
    }

    Durations(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Instant convert(String value) {
        String text = value.strip();
        if (text.contains("T")) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("not an RFC 3339 time: " + value);
            }
        }
        if (UNIX_TIME.matcher(text).matches()) {
            BigDecimal seconds = new BigDecimal(text);
            return Instant.ofEpochSecond(seconds.longValue(),
                    seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        }
        try {
            return clock.instant().minus(DurationConverter.parse(text));
        } catch (CommandLine.TypeConversionException e) {
            throw new CommandLine.TypeConversionException("not a time (like 90s, 10m, 1h30m, 2d ago; an RFC 3339 "
                    + "time; or a Unix timestamp): " + text);
        }
    }
}
