package io.colimaservices.domain.backup;

import java.util.List;

/**
 * A restore's outcome per service, the warnings the user accepted, and what was stopped and started again.
 *
 * @param restarted the services stopped for the restore and started again (a failure to start is in
 *                  {@code results})
 */
public record RestoreReport(String backupId, List<BackupManifest.ServiceCheck> results, List<String> warnings,
                            List<String> stopped, List<String> restarted) {
    public RestoreReport {
        results = List.copyOf(results);
        warnings = List.copyOf(warnings);
        stopped = List.copyOf(stopped);
        restarted = List.copyOf(restarted);
    }

    public boolean succeeded() {
        return results.stream().allMatch(BackupManifest.ServiceCheck::passed);
    }
}
