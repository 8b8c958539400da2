package io.colimaservices.cli;

import picocli.CommandLine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code --since}: a duration ago ({@code 90s}, {@code 10m}, {@code 1h30m}, {@code 2d}) or an RFC 3339 time. */
final class Durations implements CommandLine.ITypeConverter<Instant> {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");
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
        return clock.instant().minus(parse(text));
    }

    static Duration parse(String text) {
        Matcher m = PART.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                break;
            }
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
            end = m.end();
        }
        if (end == 0 || end != text.length()) {
            throw new CommandLine.TypeConversionException("not a duration (like 90s, 10m, 1h30m, 2d): " + text);
        }
        return total;
    }
}
