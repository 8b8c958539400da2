package io.colimaservices.domain.backup;

import java.time.Duration;
import java.util.OptionalDouble;

/** What a backup, verify or restore reports as it goes, per service: both faces render these. */
public sealed interface BackupEvent {
    String service();

    /** A service's turn began. */
    record Began(String service, BackupMode mode, String what) implements BackupEvent {
    }

    /** A step, in words ("stopped for the archive", "started again"). */
    record Note(String service, String text) implements BackupEvent {
    }

    /** Bytes moved so far and the rate over the last seconds (empty until there is enough history). */
    record Progress(String service, long bytes, OptionalDouble bytesPerSecond) implements BackupEvent {
    }

    /** A service's turn ended well. */
    record Done(String service, long bytes, long fileBytes, Duration took) implements BackupEvent {
    }

    /** A service's turn failed: the message names the service and the file. */
    record Failed(String service, String message) implements BackupEvent {
    }
}
