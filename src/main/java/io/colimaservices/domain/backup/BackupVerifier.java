package io.colimaservices.domain.backup;

import io.colimaservices.domain.ExecPipe;
import io.colimaservices.domain.UserError;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code verify}: the manifest and every file's size and SHA-256. {@code verify --deep}: each service restored into a
 * throwaway copy (same image and definition, fresh data volumes, its live secrets read-only, no network, no name of
 * the stack's, no published ports), its health awaited and its {@code backup-check} run; the copy, its helpers and
 * its volumes are removed whatever happens, and the outcome is recorded in the manifest.
 */
final class BackupVerifier {
    private final BackupTools tools;

    BackupVerifier(BackupTools tools) {
        this.tools = tools;
    }

    VerifyReport verify(BackupFolder.Stored stored) {
        List<BackupManifest.ServiceCheck> checks = new ArrayList<>();
        for (BackupManifest.ServiceEntry entry : stored.manifest().services()) {
            checks.add(checksum(stored.folder(), entry));
        }
        return new VerifyReport(stored.manifest(), stored.folder(), false, checks);
    }

    /** Size and SHA-256 of one file against the manifest. */
    static BackupManifest.ServiceCheck checksum(Path folder, BackupManifest.ServiceEntry entry) {
        Path file = folder.resolve(entry.file());
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            MessageDigest sha = DigestingOutput.sha256();
            byte[] buffer = new byte[1 << 16];
            long size = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
                size += n;
            }
            String hex = HexFormat.of().formatHex(sha.digest());
            if (size != entry.fileBytes() || !hex.equals(entry.sha256())) {
                return new BackupManifest.ServiceCheck(entry.service(), false, file + " is damaged: "
                        + (size != entry.fileBytes() ? size + " bytes, the manifest says " + entry.fileBytes()
                        : "its SHA-256 is " + hex + ", the manifest says " + entry.sha256()));
            }
            return new BackupManifest.ServiceCheck(entry.service(), true, file + ": " + size + " bytes, SHA-256 ok");
        } catch (NoSuchFileException e) {
            return new BackupManifest.ServiceCheck(entry.service(), false, file + " is missing");
        } catch (IOException e) {
            return new BackupManifest.ServiceCheck(entry.service(), false, "cannot read " + file + ": "
                    + e.getMessage());
        }
    }

    VerifyReport deep(BackupFolder.Stored stored, BackupFolder folder, Consumer<BackupEvent> listener,
                      Cancellation cancellation) {
        VerifyReport shallow = verify(stored);
        BackupManifest manifest = stored.manifest();
        List<BackupManifest.ServiceCheck> checks = new ArrayList<>();
        if (!shallow.passed()) {
            checks.addAll(shallow.checks());
        } else {
            Optional<BackupKey> key = manifest.encryption().map(e -> tools.keys().require(e.keyFingerprint(),
                    manifest.id()));
            for (BackupManifest.ServiceEntry entry : manifest.services()) {
                cancellation.throwIfCancelled("the deep verify");
                listener.accept(new BackupEvent.Began(entry.service(), entry.mode(), "into a throwaway copy"));
                long begun = System.nanoTime();
                BackupManifest.ServiceCheck check;
                try {
                    check = deepOne(stored.folder(), manifest, entry, key, listener, cancellation);
                    listener.accept(new BackupEvent.Done(entry.service(), entry.streamBytes(), entry.fileBytes(),
                            Duration.ofNanos(System.nanoTime() - begun)));
                } catch (UserError e) {
                    check = new BackupManifest.ServiceCheck(entry.service(), false, e.getMessage());
                    listener.accept(new BackupEvent.Failed(entry.service(), e.getMessage()));
                }
                checks.add(check);
            }
        }
        BackupManifest.DeepVerify record = new BackupManifest.DeepVerify(tools.clock().instant(),
                checks.stream().allMatch(BackupManifest.ServiceCheck::passed), checks);
        BackupManifest updated = manifest.withVerify(record);
        folder.rewrite(stored.folder(), updated);
        return new VerifyReport(updated, stored.folder(), true, checks);
    }

    private BackupManifest.ServiceCheck deepOne(Path dir, BackupManifest manifest, BackupManifest.ServiceEntry entry,
                                                Optional<BackupKey> key, Consumer<BackupEvent> listener,
                                                Cancellation cancellation) {
        String service = entry.service();
        Path file = dir.resolve(entry.file());
        ServicePlan plan = tools.plan(service);
        if (plan.mode() != entry.mode()) {
            throw new UserError(UserError.Kind.BACKUP, service + ": the backup is a " + entry.mode().word()
                    + ", the service now declares a " + plan.mode().word());
        }
        BackupEngine engine = tools.engine();
        BackupEngine.Container source = engine.inspect(tools.containerOf(service));
        Throwaways throwaways = new Throwaways(engine);
        try {
            Map<String, String> fresh = new LinkedHashMap<>();
            for (BackupEngine.Mount mount : source.mounts()) {
                if (mount.isVolume() && !mount.readOnly()) {
                    fresh.put(mount.volume().get(), throwaways.volume(name(service, "data")));
                }
            }
            String copy;
            if (plan.mode() == BackupMode.DUMP) {
                copy = throwaways.copy(source.id(), name(service, "verify"), fresh);
                awaitReady(copy, service, entry, listener);
                restoreInto(copy, plan.restoreCommand().orElseThrow(), file, manifest, entry, key, listener,
                        cancellation);
            } else {
                Map<String, String> live = VolumeArchive.volumes(plan, source, tools.project());
                Map<String, String> restoredVolumes = new LinkedHashMap<>();
                live.forEach((name, volume) -> restoredVolumes.put(name, fresh.getOrDefault(volume, volume)));
                String helper = throwaways.helper(source.imageId(), name(service, "unpack"),
                        VolumeArchive.mountPoints(restoredVolumes), List.of());
                restoreInto(helper, VolumeArchive.extractCommand(List.copyOf(live.keySet())), file, manifest, entry,
                        key, listener, cancellation);
                if (plan.startsForVerify()) {
                    copy = throwaways.copy(source.id(), name(service, "verify"), fresh);
                    awaitReady(copy, service, entry, listener);
                } else {
                    Map<String, String> atServicePaths = new LinkedHashMap<>();
                    source.mounts().stream().filter(BackupEngine.Mount::isVolume).filter(m -> !m.readOnly())
                            .forEach(m -> atServicePaths.put(fresh.get(m.volume().get()), m.destination()));
                    copy = throwaways.helper(source.imageId(), name(service, "check"), atServicePaths, List.of());
                }
            }
            String checked = plan.checkCommand().map(command -> runCheck(copy, command, service, file))
                    .orElse("no " + BackupLabels.CHECK + " declared");
            return new BackupManifest.ServiceCheck(service, true, "restored " + file.getFileName()
                    + " into a copy; " + checked);
        } finally {
            throwaways.close();
        }
    }

    /** Feeds the decoded file to {@code command} in the container. @throws UserError naming the file */
    void restoreInto(String containerId, String command, Path file, BackupManifest manifest,
                     BackupManifest.ServiceEntry entry, Optional<BackupKey> key, Consumer<BackupEvent> listener,
                     Cancellation cancellation) {
        String service = entry.service();
        ExecPipe.Result result;
        try (InputStream in = tools.codec().decoder(new BufferedInputStream(Files.newInputStream(file), 1 << 16),
                key, manifest.compression())) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ExecPipe.Run run = tools.pipe().start(containerId, command, Optional.of(in), new BoundedSink(out));
                 ProgressTicker ticker = new ProgressTicker(service, run::bytesIn, listener)) {
                cancellation.during(run::cancel);
                result = run.await();
            } finally {
                cancellation.stepEnded();
            }
        } catch (IOException e) {
            throw new UserError(UserError.Kind.BACKUP, service + ": cannot read " + file + ": " + e.getMessage());
        } catch (UserError e) {
            throw new UserError(UserError.Kind.BACKUP, service + ": restoring " + file + " failed: " + e.getMessage(),
                    e.hint(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError(UserError.Kind.BACKUP, service + ": interrupted");
        }
        if (!result.succeeded()) {
            throw new UserError(UserError.Kind.BACKUP, service + ": restoring " + file + " failed: "
                    + (result.started() ? "the restore command exited with " + result.exitCode()
                    + BackupTaker.lastLine(result.stderr()) : "the restore command could not start: "
                    + result.stderr().strip()));
        }
    }

    private String runCheck(String containerId, String command, String service, Path file) {
        ExecPipe.Result result;
        try {
            result = tools.pipe().run(containerId, command, Optional.empty(), new BoundedSink(
                    new ByteArrayOutputStream()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError(UserError.Kind.BACKUP, service + ": interrupted");
        }
        if (!result.succeeded()) {
            throw new UserError(UserError.Kind.BACKUP, service + ": the check (" + BackupLabels.CHECK
                    + ") failed on the data restored from " + file + ": exit " + result.exitCode()
                    + BackupTaker.lastLine(result.stderr()));
        }
        return "its check passed";
    }

    /** Waits until the copy is healthy (or, without a health check, has kept running 2 s). */
    private void awaitReady(String copy, String service, BackupManifest.ServiceEntry entry,
                            Consumer<BackupEvent> listener) {
        BackupEngine engine = tools.engine();
        engine.start(copy);
        try {
            tools.hooks().copyStarted(service, copy, entry);
            listener.accept(new BackupEvent.Note(service, "waiting for the copy to be ready"));
            long deadline = System.nanoTime() + tools.readyDeadline().toNanos();
            long runningSince = System.nanoTime();
            while (true) {
                BackupEngine.Container state = engine.inspect(copy);
                if (!state.running()) {
                    throw new UserError(UserError.Kind.BACKUP, service + ": the throwaway copy stopped before it was "
                            + "ready");
                }
                if (state.health().isPresent()) {
                    if (state.health().get().equals("healthy")) {
                        return;
                    }
                    if (state.health().get().equals("unhealthy")) {
                        throw new UserError(UserError.Kind.BACKUP, service + ": the throwaway copy is unhealthy");
                    }
                } else if (System.nanoTime() - runningSince >= Duration.ofSeconds(2).toNanos()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new UserError(UserError.Kind.BACKUP, service + ": the throwaway copy was not ready within "
                            + tools.readyDeadline().toSeconds() + " s");
                }
                Thread.sleep(500);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError(UserError.Kind.BACKUP, service + ": interrupted");
        }
    }

    private String name(String service, String purpose) {
        return tools.project() + "-" + purpose + "-" + service + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
    }

    /** Keeps what a command prints (a restore's chatter) up to 64 KiB; the rest is dropped. */
    static final class BoundedSink extends java.io.OutputStream {
        private final ByteArrayOutputStream kept;

        BoundedSink(ByteArrayOutputStream kept) {
            this.kept = kept;
        }

        @Override
        public void write(int b) {
            if (kept.size() < ExecPipe.STDERR_KEPT) {
                kept.write(b);
            }
        }

        @Override
        public void write(byte[] data, int offset, int length) {
            int room = ExecPipe.STDERR_KEPT - kept.size();
            if (room > 0) {
                kept.write(data, offset, Math.min(room, length));
            }
        }
    }

    /** The throwaway containers and volumes of one verify, removed together whatever happened. */
    static final class Throwaways implements AutoCloseable {
        private final BackupEngine engine;
        private final List<String> containers = new ArrayList<>();
        private final List<String> volumes = new ArrayList<>();

        Throwaways(BackupEngine engine) {
            this.engine = engine;
        }

        String volume(String name) {
            engine.createVolume(name);
            volumes.add(name);
            return name;
        }

        String copy(String sourceId, String name, Map<String, String> replacements) {
            String id = engine.createCopy(sourceId, name, replacements);
            containers.add(id);
            return id;
        }

        String helper(String image, String name, Map<String, String> volumeAtPath, List<String> readOnly) {
            String id = engine.startHelper(image, name, volumeAtPath, readOnly);
            containers.add(id);
            return id;
        }

        @Override
        public void close() {
            for (String id : containers.reversed()) {
                try {
                    engine.remove(id);
                } catch (UserError e) {
                    // keep removing the rest; the engine's message names what is left
                }
            }
            for (String volume : volumes) {
                try {
                    engine.removeVolume(volume);
                } catch (UserError e) {
                    // as above
                }
            }
        }
    }
}
