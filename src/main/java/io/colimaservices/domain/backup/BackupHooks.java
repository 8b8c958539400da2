package io.colimaservices.domain.backup;

import java.util.Optional;

/**
 * The stack's own steps around a backup and a restore (Vault's: which unseal-share set opens its volume, making that
 * set current when the volume is restored, unsealing a verify copy). The domain knows no service by name.
 */
public interface BackupHooks {
    BackupHooks NONE = new BackupHooks() {
    };

    /** Recorded with the service's volume backup: the fingerprint of the unseal-share set that opens it. */
    default Optional<String> shareSetFor(String service) {
        return Optional.empty();
    }

    /** Right after a service's container was started again by a backup (not by the stack's own start). */
    default void restarted(String service) {
    }

    /** After a service's data was restored, before it starts again. */
    default void restored(String service, BackupManifest.ServiceEntry entry) {
    }

    /** A deep verify's copy of {@code service} runs (before its health is awaited). */
    default void copyStarted(String service, String copyContainerId, BackupManifest.ServiceEntry entry)
            throws InterruptedException {
    }
}
