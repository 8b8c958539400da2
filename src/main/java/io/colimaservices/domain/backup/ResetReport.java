package io.colimaservices.domain.backup;

import java.util.List;

/**
 * What a reset removed and what it kept (a volume another running container still uses), and the dependents it
 * stopped on the way (left stopped: they start again with their dependency).
 */
public record ResetReport(List<String> removedContainers, List<String> removedVolumes, List<String> kept,
                          List<String> stoppedDependents) {
    public ResetReport {
        removedContainers = List.copyOf(removedContainers);
        removedVolumes = List.copyOf(removedVolumes);
        kept = List.copyOf(kept);
        stoppedDependents = List.copyOf(stoppedDependents);
    }
}
