package io.colimaservices.colima;

import java.time.Duration;
import java.util.Locale;

/** Durations as people write them in messages: {@code 15m}, {@code 30s}, {@code 1m 30s}, {@code 500ms}. */
final class Durations {
    private Durations() {
    }

    static String human(Duration d) {
        if (d.compareTo(Duration.ofSeconds(1)) < 0) {
            return d.toMillis() + "ms";
        }
        if (d.toMillisPart() != 0 && d.compareTo(Duration.ofMinutes(1)) < 0) {
            return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
        }
        long minutes = d.toMinutes();
        int seconds = d.toSecondsPart();
        if (minutes == 0) {
            return seconds + "s";
        }
        return seconds == 0 ? minutes + "m" : minutes + "m " + seconds + "s";
    }
}
