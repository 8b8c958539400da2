package io.colimaservices.domain.backup;

import java.util.Locale;
import java.util.OptionalDouble;

/** The words and sizes both faces show for backups (binary units: the files are measured as the disk counts). */
public final class BackupText {
    private BackupText() {
    }

    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        do {
            value /= 1024;
            unit++;
        } while (value >= 1024 && unit < units.length - 1);
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** A rate, or empty text until there is one. */
    public static String rate(OptionalDouble bytesPerSecond) {
        return bytesPerSecond.isPresent() ? size((long) bytesPerSecond.getAsDouble()) + "/s" : "";
    }
}
