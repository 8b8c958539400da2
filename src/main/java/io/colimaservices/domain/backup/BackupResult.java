package io.colimaservices.domain.backup;

import java.nio.file.Path;

/** A complete backup: its manifest and its folder. */
public record BackupResult(BackupManifest manifest, Path folder) {
}
