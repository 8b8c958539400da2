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

    /**
     * The menu's line about backups: the last one's age, with a warning sign when the daily schedule is late.
     *
     * @param age     since the last complete backup ended; empty when there is none
     * @param overdue the daily schedule is on and late (or has never run)
     */
    public static String menuLine(java.util.Optional<java.time.Duration> age, boolean overdue) {
        String warning = overdue ? "\u26a0 " : "";
        if (age.isEmpty()) {
            return warning + "No backup yet" + (overdue ? " (daily backups are on)" : "");
        }
        return warning + "Last backup: " + ago(age.get()) + (overdue ? ", older than the daily schedule" : "");
    }

    /** "12 min ago", "5 h ago", "3 days ago" (a clock that went back reads "just now"). */
    public static String ago(java.time.Duration age) {
        if (age.toMinutes() < 1) {
            return "just now";
        }
        if (age.toHours() < 1) {
            return age.toMinutes() + " min ago";
        }
        if (age.toHours() < 48) {
            return age.toHours() + " h ago";
        }
        return age.toDays() + " days ago";
    }
}
