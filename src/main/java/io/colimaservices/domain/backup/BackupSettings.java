package io.colimaservices.domain.backup;

import io.colimaservices.domain.UserError;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The user's backup choices.
 *
 * @param folder             where backups go; empty for the app's own folder
 * @param deepVerifyAfterBackup every backup is deep-verified right after it is taken
 * @param daily              a backup is taken every day while the stack runs (the app drives
 *                           {@link BackupScheduler})
 * @param keep               how many complete backups the schedule keeps (older ones are removed after a new one)
 */
public record BackupSettings(Optional<Path> folder, boolean deepVerifyAfterBackup, boolean daily, int keep) {
    public static final int DEFAULT_KEEP = 7;
    public static final int MAX_KEEP = 365;

    public BackupSettings {
        Objects.requireNonNull(folder, "folder");
        if (keep < 1 || keep > MAX_KEEP) {
            throw new UserError(UserError.Kind.CONFIGURATION, "backups to keep must be from 1 to " + MAX_KEEP
                    + ", not " + keep);
        }
    }

    public static BackupSettings defaults() {
        return new BackupSettings(Optional.empty(), false, false, DEFAULT_KEEP);
    }
}
