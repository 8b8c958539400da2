package io.colimaservices.domain.backup;

/**
 * The compose labels that declare how a service's data is taken and given back (docs/stack.md, "Backups"). Values
 * are shell command lines run with {@code sh -c} inside the container; credentials come from the service's own
 * secret files, never from the app.
 */
public final class BackupLabels {
    /** A dump: a command writing the service's data to stdout, run in the running container. */
    public static final String BACKUP = "io.colima-services.backup";
    /** The dump's way back: a command reading what {@link #BACKUP} wrote from stdin and loading it. */
    public static final String RESTORE = "io.colima-services.restore";
    /** A command that exits 0 when the loaded data looks right (run after a deep verify's restore). */
    public static final String CHECK = "io.colima-services.backup-check";
    /** Named volumes (compose names, comma- or space-separated) archived as tar with the service stopped. */
    public static final String VOLUMES = "io.colima-services.backup-volumes";
    /**
     * How a deep verify proves a volume backup: {@code service} (the default) starts a copy of the service on the
     * restored volumes and waits for its health; {@code offline} only runs the check against the restored files,
     * for a service that cannot start alone (it needs other live services, which a copy must never touch).
     */
    public static final String VERIFY = "io.colima-services.backup-verify";

    private BackupLabels() {
    }
}
