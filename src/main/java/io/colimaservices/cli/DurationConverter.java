package io.colimaservices.cli;

import picocli.CommandLine;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one syntax of every duration on the command line: a number and a unit, or several ({@code 500ms}, {@code 30s},
 * {@code 2m}, {@code 1h30m}, {@code 2d}); a bare number means seconds ({@code 120}). Timeouts must be longer than
 * zero. ({@code logs --since} reads its own forms, docker's, with {@link Durations}.)
 */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final Pattern SECONDS = Pattern.compile("\\d+");
    static final String FORMS = "like 30s, 2m, 1h30m, or a number of seconds";

    @Override
    public Duration convert(String value) {
        Duration duration = parse(value);
        if (duration.isZero()) {
            throw new CommandLine.TypeConversionException("'" + value + "' must be longer than zero");
        }
        return duration;
    }

    /** @throws CommandLine.TypeConversionException for anything else than the forms above */
    static Duration parse(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        if (SECONDS.matcher(text).matches()) {
            return Duration.ofSeconds(Long.parseLong(text));
        }
        Matcher m = PART.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
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
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration (" + FORMS + ")");
        }
        return total;
    }
}
