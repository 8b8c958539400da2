package io.colimaservices.domain.backup;

import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.ContainerExec;
import io.colimaservices.domain.ExecPipe;
import io.colimaservices.domain.ExecTarget;
import io.colimaservices.domain.UserError;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the backup use cases work with: the stack's definition, the engine (exec and the throwaway containers), the
 * stack's own start and stop, the file codec, the keys, and Vault's steps.
 *
 * @param readyDeadline how long a deep verify's copy may take to become healthy
 */
public record BackupTools(Supplier<Catalog> catalog, String project, ContainerExec exec, BackupEngine engine,
                          ServiceControl control, StreamCodec codec, ManifestFormat format, BackupKeys keys,
                          BackupHooks hooks, Clock clock, String appVersion, Duration readyDeadline) {
    public static final Duration STOP_GRACE = Duration.ofSeconds(30);

    public BackupTools {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(exec, "exec");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(hooks, "hooks");
        Objects.requireNonNull(clock, "clock");
    }

    ExecPipe pipe() {
        return new ExecPipe(exec);
    }

    /** The service's plan from its labels. @throws UserError when it declares none */
    ServicePlan plan(String service) {
        return catalog.get().service(service).flatMap(ServicePlan::of).orElseThrow(() -> new UserError(
                UserError.Kind.CONFIGURATION, "service " + service + " declares no backup (labels "
                + BackupLabels.BACKUP + " or " + BackupLabels.VOLUMES + ")", "see docs/stack.md, \"Backups\""));
    }

    /** The service's container, running or not. @throws UserError when it has none */
    String containerOf(String service) {
        ExecTarget target = exec.locate(project, service);
        return target.containerId().orElseThrow(() -> new UserError(UserError.Kind.BACKUP, "service " + service
                + " has no container in project " + project, "start it: 'colima-services up " + service + "'"));
    }
}
