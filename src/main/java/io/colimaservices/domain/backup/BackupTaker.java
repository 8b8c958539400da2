package io.colimaservices.domain.backup;

import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.ExecPipe;
import io.colimaservices.domain.ExecTarget;
import io.colimaservices.domain.ServiceDefinition;
import io.colimaservices.domain.UserError;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Takes a backup: each service's data streamed from its container through the codec into its file (a dump from
 * the running service; a tar of its volumes from a helper while the service is stopped, then started again). The
 * first failure ends the backup and removes its folder: nothing is left that looks complete.
 */
final class BackupTaker {
    private final BackupTools tools;

    BackupTaker(BackupTools tools) {
        this.tools = tools;
    }

    /**
     * The services a backup of {@code targets} covers, in start order: the targets' services that declare a backup
     * (no target: every running service that declares one).
     *
     * @throws UserError (configuration) when a named service declares none, or nothing is left to back up
     */
    List<ServicePlan> plans(Collection<String> targets) {
        Catalog catalog = tools.catalog().get();
        List<String> names;
        if (targets.isEmpty()) {
            names = catalog.services().stream().filter(s -> ServicePlan.of(s).isPresent())
                    .map(ServiceDefinition::name)
                    .filter(s -> tools.exec().locate(tools.project(), s).isRunning()).toList();
            if (names.isEmpty()) {
                throw new UserError(UserError.Kind.CONFIGURATION, "no running service declares a backup",
                        "start the stack ('colima-services up data'), or name services");
            }
        } else {
            // A service named is backed up or refused (it declares nothing); a group gives its running services
            // that declare a backup.
            List<String> named = targets.stream().filter(catalog::contains).toList();
            List<String> fromGroups = catalog.resolveTargets(targets.stream().filter(t -> !catalog.contains(t))
                    .toList()).stream().filter(s -> catalog.service(s).flatMap(ServicePlan::of).isPresent())
                    .filter(s -> tools.exec().locate(tools.project(), s).isRunning()).toList();
            java.util.Set<String> all = new java.util.LinkedHashSet<>(named);
            all.addAll(fromGroups);
            names = List.copyOf(all);
            if (names.isEmpty()) {
                throw new UserError(UserError.Kind.CONFIGURATION, "no service in " + String.join(" ", targets)
                        + " declares a backup", "see docs/stack.md, \"Backups\"");
            }
        }
        return catalog.startOrder(names).stream().map(tools::plan).toList();
    }

    BackupResult take(Collection<String> targets, Path root, boolean encrypt, Consumer<BackupEvent> listener,
                      Cancellation cancellation) {
        List<ServicePlan> plans = plans(targets);
        BackupFolder folder = new BackupFolder(root, tools.format());
        Instant started = tools.clock().instant();
        Optional<BackupKey> key = encrypt ? Optional.of(tools.keys().current()) : Optional.empty();
        Path partial = folder.create(started);
        try {
            List<BackupManifest.ServiceEntry> entries = new ArrayList<>();
            for (ServicePlan plan : plans) {
                cancellation.throwIfCancelled("the backup");
                entries.add(takeOne(plan, folder, partial, key, listener, cancellation));
            }
            BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, BackupFolder.idOf(partial),
                    tools.appVersion(), tools.project(), started, tools.clock().instant(), tools.codec().compression(),
                    key.map(k -> new BackupManifest.Encryption(BackupManifest.Encryption.OPENPGP_AES256,
                            k.fingerprint())), entries, List.of());
            Path done = folder.complete(partial, manifest);
            return new BackupResult(manifest, done);
        } catch (RuntimeException e) {
            folder.delete(partial);
            throw e;
        }
    }

    private BackupManifest.ServiceEntry takeOne(ServicePlan plan, BackupFolder folder, Path dir,
                                                Optional<BackupKey> key, Consumer<BackupEvent> listener,
                                                Cancellation cancellation) {
        String service = plan.service();
        String file = plan.baseFileName() + tools.codec().suffix(key.isPresent());
        ExecTarget target = tools.exec().locate(tools.project(), service);
        String containerId = target.containerId().orElseThrow(() -> new UserError(UserError.Kind.BACKUP,
                "backup of " + service + " failed: it has no container", "start it: 'colima-services up "
                + service + "'"));
        if (plan.mode() == BackupMode.DUMP && !target.isRunning()) {
            throw new UserError(UserError.Kind.BACKUP, "backup of " + service + " failed: it is not running (a dump "
                    + "is taken from the running service)", "start it: 'colima-services up " + service + "'");
        }
        BackupEngine.Container container = tools.engine().inspect(containerId);
        listener.accept(new BackupEvent.Began(service, plan.mode(), "to " + dir.resolveSibling(
                BackupFolder.idOf(dir)).resolve(file)));
        Instant started = tools.clock().instant();
        long begun = System.nanoTime();
        Streamed streamed;
        try {
            streamed = plan.mode() == BackupMode.DUMP
                    ? stream(plan, containerId, plan.backupCommand().orElseThrow(), folder, dir, file, key, listener,
                    cancellation)
                    : archive(plan, container, folder, dir, file, key, listener, cancellation);
        } catch (UserError e) {
            folder.deletePartial(dir, file);
            String message = "backup of " + service + " failed (" + dir.resolve(file) + "): " + e.getMessage();
            listener.accept(new BackupEvent.Failed(service, message));
            throw new UserError(UserError.Kind.BACKUP, message, e.hint(), e);
        }
        Optional<String> shareSet = plan.mode() == BackupMode.VOLUMES ? tools.hooks().shareSetFor(service)
                : Optional.empty();
        listener.accept(new BackupEvent.Done(service, streamed.streamBytes, streamed.fileBytes,
                Duration.ofNanos(System.nanoTime() - begun)));
        return new BackupManifest.ServiceEntry(service, plan.mode(), file, container.image(), container.imageId(),
                container.imageDigest(), container.definitionHash(), plan.volumes(), started, tools.clock().instant(),
                streamed.streamBytes, streamed.fileBytes, streamed.sha256, shareSet);
    }

    private record Streamed(long streamBytes, long fileBytes, String sha256) {
    }

    /** Runs {@code command} in the container with its stdout through the codec into the file's partial name. */
    private Streamed stream(ServicePlan plan, String containerId, String command, BackupFolder folder, Path dir,
                            String file, Optional<BackupKey> key, Consumer<BackupEvent> listener,
                            Cancellation cancellation) {
        String service = plan.service();
        ExecPipe.Result result;
        DigestingOutput digest;
        // Three threads: the exec's reader; the codec; the checksum and the file (HandoffOutput between them).
        try (OutputStream raw = folder.createPartial(dir, file)) {
            digest = new DigestingOutput(new BufferedOutputStream(raw, 1 << 16));
            try (HandoffOutput toFile = new HandoffOutput(digest, "backup-file-" + service)) {
                OutputStream encoder = tools.codec().encoder(toFile, key);
                try (HandoffOutput toCodec = new HandoffOutput(encoder, "backup-codec-" + service)) {
                    try (ExecPipe.Run run = tools.pipe().start(containerId, command, Optional.empty(), toCodec);
                         ProgressTicker ticker = new ProgressTicker(service, run::bytesOut, listener)) {
                        cancellation.during(run::cancel);
                        result = run.await();
                    } finally {
                        cancellation.stepEnded();
                    }
                    if (!result.succeeded()) {
                        throw new UserError(UserError.Kind.BACKUP, result.started()
                                ? "the command exited with " + result.exitCode() + lastLine(result.stderr())
                                : "the command could not start: " + result.stderr().strip());
                    }
                    toCodec.finish();
                }
                encoder.close();
                toFile.finish();
            }
            digest.flush();
        } catch (IOException e) {
            throw BackupFolder.failure("cannot write the file", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError(UserError.Kind.BACKUP, "interrupted");
        }
        try {
            folder.completeFile(dir, file);
        } catch (IOException e) {
            throw BackupFolder.failure("cannot complete the file", e);
        }
        return new Streamed(result.bytesOut(), digest.count(), digest.hex());
    }

    /** Stops the service, tars its volumes from a helper of its own image, starts it again whatever happened. */
    private Streamed archive(ServicePlan plan, BackupEngine.Container container, BackupFolder folder, Path dir,
                             String file, Optional<BackupKey> key, Consumer<BackupEvent> listener,
                             Cancellation cancellation) {
        String service = plan.service();
        Map<String, String> volumes = VolumeArchive.volumes(plan, container, tools.project());
        boolean wasRunning = container.running();
        if (wasRunning) {
            listener.accept(new BackupEvent.Note(service, "stopping it for the archive"));
            tools.engine().stop(container.id(), BackupTools.STOP_GRACE);
        }
        try {
            String helper = tools.engine().startHelper(container.imageId(), helperName(service, "backup"),
                    VolumeArchive.mountPoints(volumes), List.copyOf(volumes.values()));
            try {
                return stream(plan, helper, VolumeArchive.createCommand(List.copyOf(volumes.keySet())), folder, dir,
                        file, key, listener, cancellation);
            } finally {
                tools.engine().remove(helper);
            }
        } finally {
            if (wasRunning) {
                tools.engine().start(container.id());
                tools.hooks().restarted(service);
                listener.accept(new BackupEvent.Note(service, "started again"));
            }
        }
    }

    String helperName(String service, String purpose) {
        return tools.project() + "-" + purpose + "-" + service + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
    }

    static String lastLine(String stderr) {
        List<String> lines = stderr.strip().lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : ": " + lines.getLast().strip();
    }
}
