package io.colimaservices.domain.backup;

import io.colimaservices.domain.ServiceDefinition;
import io.colimaservices.domain.UserError;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the compose labels say about one service's backup.
 *
 * @param volumes       the compose names of the volumes archived ({@link BackupMode#VOLUMES} only)
 * @param startsForVerify a deep verify starts a copy of the service and waits for its health (else it only runs
 *                        the check against the restored data)
 */
public record ServicePlan(String service, BackupMode mode, Optional<String> backupCommand,
                          Optional<String> restoreCommand, Optional<String> checkCommand, List<String> volumes,
                          boolean startsForVerify) {
    public ServicePlan {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(mode, "mode");
        volumes = List.copyOf(volumes);
    }

    /**
     * The plan its labels declare, empty when it declares none.
     *
     * @throws UserError (configuration) when the labels contradict each other or miss a half
     */
    public static Optional<ServicePlan> of(ServiceDefinition service) {
        Optional<String> backup = service.label(BackupLabels.BACKUP);
        Optional<String> restore = service.label(BackupLabels.RESTORE);
        Optional<String> check = service.label(BackupLabels.CHECK);
        List<String> volumes = service.label(BackupLabels.VOLUMES)
                .map(v -> Arrays.stream(v.split("[,\\s]+")).filter(s -> !s.isBlank()).toList()).orElse(List.of());
        String verify = service.label(BackupLabels.VERIFY).orElse("service");
        if (!verify.equals("service") && !verify.equals("offline")) {
            throw invalid(service, BackupLabels.VERIFY + " must be 'service' or 'offline', not '" + verify + "'");
        }
        if (backup.isEmpty() && restore.isEmpty() && volumes.isEmpty()) {
            if (check.isPresent()) {
                throw invalid(service, BackupLabels.CHECK + " without " + BackupLabels.BACKUP + " or "
                        + BackupLabels.VOLUMES);
            }
            return Optional.empty();
        }
        if (!volumes.isEmpty()) {
            if (backup.isPresent() || restore.isPresent()) {
                throw invalid(service, "both " + BackupLabels.VOLUMES + " and a dump (" + BackupLabels.BACKUP
                        + "): choose one");
            }
            return Optional.of(new ServicePlan(service.name(), BackupMode.VOLUMES, Optional.empty(), Optional.empty(),
                    check, volumes, verify.equals("service")));
        }
        if (backup.isEmpty() || restore.isEmpty()) {
            throw invalid(service, "a dump needs both " + BackupLabels.BACKUP + " and " + BackupLabels.RESTORE);
        }
        return Optional.of(new ServicePlan(service.name(), BackupMode.DUMP, backup, restore, check, List.of(), true));
    }

    private static UserError invalid(ServiceDefinition service, String problem) {
        return new UserError(UserError.Kind.CONFIGURATION, "service " + service.name()
                + (service.line() > 0 ? " (line " + service.line() + ")" : "") + ": " + problem,
                "see docs/stack.md, \"Backups\"");
    }

    /** The file's name in the backup folder, without the codec's suffixes. */
    public String baseFileName() {
        return service + (mode == BackupMode.DUMP ? ".dump" : ".tar");
    }
}
