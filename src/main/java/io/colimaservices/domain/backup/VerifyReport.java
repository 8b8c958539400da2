package io.colimaservices.domain.backup;

import java.nio.file.Path;
import java.util.List;

/**
 * A verify's outcome per service.
 *
 * @param deep the data was restored into throwaway copies and checked there (else: the manifest and checksums)
 */
public record VerifyReport(BackupManifest manifest, Path folder, boolean deep, List<BackupManifest.ServiceCheck> checks) {
    public VerifyReport {
        checks = List.copyOf(checks);
    }

    public boolean passed() {
        return checks.stream().allMatch(BackupManifest.ServiceCheck::passed);
    }

    public List<BackupManifest.ServiceCheck> failures() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }
}
