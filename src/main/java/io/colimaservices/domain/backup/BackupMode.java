package io.colimaservices.domain.backup;

/** How a service's data is taken: a command's output, or its named volumes as a tar archive. */
public enum BackupMode {
    DUMP("dump"),
    VOLUMES("volumes");

    private final String word;

    BackupMode(String word) {
        this.word = word;
    }

    /** As the manifest and {@code --json} write it. */
    public String word() {
        return word;
    }

    public static BackupMode fromWord(String word) {
        for (BackupMode mode : values()) {
            if (mode.word.equals(word)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown backup mode '" + word + "'");
    }
}
