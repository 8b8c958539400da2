package io.colimaservices.domain.backup;

import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.UserError;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Gives a backup's data back to the live services: every file checked first, the user asked (with a clear warning
 * when a service's definition or image changed since the backup), the services that depend on the restored ones
 * stopped, each service restored in dependency order (a dump fed to its running service's restore command; volumes
 * emptied and unpacked by a helper while the service is stopped), and what was stopped started again.
 */
final class BackupRestorer {
    private final BackupTools tools;
    private final BackupVerifier verifier;

    BackupRestorer(BackupTools tools) {
        this.tools = tools;
        this.verifier = new BackupVerifier(tools);
    }

    RestoreReport restore(BackupFolder.Stored stored, Collection<String> only, RestoreConfirmation confirmation,
                          Consumer<BackupEvent> listener, Cancellation cancellation) {
        BackupManifest manifest = stored.manifest();
        List<BackupManifest.ServiceEntry> entries = select(manifest, only);
        for (BackupManifest.ServiceEntry entry : entries) {
            BackupManifest.ServiceCheck check = BackupVerifier.checksum(stored.folder(), entry);
            if (!check.passed()) {
                throw new UserError(UserError.Kind.BACKUP, "restore of " + entry.service() + " refused: "
                        + check.message(), "nothing was changed");
            }
        }
        Optional<BackupKey> key = manifest.encryption().map(e -> tools.keys().require(e.keyFingerprint(),
                manifest.id()));
        Catalog catalog = tools.catalog().get();
        List<String> warnings = new ArrayList<>();
        for (BackupManifest.ServiceEntry entry : entries) {
            ServicePlan plan = tools.plan(entry.service());
            if (plan.mode() != entry.mode()) {
                throw new UserError(UserError.Kind.BACKUP, entry.service() + ": the backup is a " + entry.mode().word()
                        + ", the service now declares a " + plan.mode().word(), "nothing was changed");
            }
            warnings.addAll(differences(entry));
        }
        List<String> services = entries.stream().map(BackupManifest.ServiceEntry::service).toList();
        if (!confirmation.proceed(services, warnings)) {
            throw new UserError(UserError.Kind.BACKUP, "restore cancelled; nothing was changed");
        }
        Set<String> running = new LinkedHashSet<>();
        for (String service : catalog.withDependents(services)) {
            if (tools.exec().locate(tools.project(), service).isRunning()) {
                running.add(service);
            }
        }
        Set<String> toStop = new LinkedHashSet<>();
        for (String service : catalog.withDependents(services)) {
            boolean dependent = !services.contains(service);
            boolean volumeTarget = services.contains(service) && tools.plan(service).mode() == BackupMode.VOLUMES;
            if (running.contains(service) && (dependent || volumeTarget)) {
                toStop.add(service);
            }
        }
        List<String> stopped = catalog.stopOrder(toStop);
        if (!stopped.isEmpty()) {
            listener.accept(new BackupEvent.Note(stopped.getFirst(), "stopping " + String.join(", ", stopped)));
            tools.control().stop(stopped);
        }
        List<BackupManifest.ServiceCheck> results = new ArrayList<>();
        List<String> restarted = new ArrayList<>();
        try {
            for (String service : catalog.startOrder(services)) {
                BackupManifest.ServiceEntry entry = manifest.service(service).orElseThrow();
                Path file = stored.folder().resolve(entry.file());
                listener.accept(new BackupEvent.Began(service, entry.mode(), "from " + file));
                try {
                    cancellation.throwIfCancelled("the restore");
                    restoreOne(entry, file, manifest, key, listener, cancellation);
                    results.add(new BackupManifest.ServiceCheck(service, true, "restored from " + file));
                    listener.accept(new BackupEvent.Done(service, entry.streamBytes(), entry.fileBytes(),
                            java.time.Duration.ZERO));
                } catch (UserError e) {
                    results.add(new BackupManifest.ServiceCheck(service, false, e.getMessage()));
                    listener.accept(new BackupEvent.Failed(service, e.getMessage()));
                }
            }
        } finally {
            List<String> again = catalog.startOrder(toStop);
            if (!again.isEmpty()) {
                listener.accept(new BackupEvent.Note(again.getFirst(), "starting again " + String.join(", ", again)));
                try {
                    tools.control().start(again);
                    restarted.addAll(again);
                } catch (UserError e) {
                    results.add(new BackupManifest.ServiceCheck(again.getFirst(), false, "restored, but starting "
                            + String.join(", ", again) + " again failed: " + e.getMessage()));
                }
            }
        }
        return new RestoreReport(manifest.id(), results, warnings, stopped, restarted);
    }

    private static List<BackupManifest.ServiceEntry> select(BackupManifest manifest, Collection<String> only) {
        if (only.isEmpty()) {
            return manifest.services();
        }
        List<BackupManifest.ServiceEntry> entries = new ArrayList<>();
        for (String service : only) {
            entries.add(manifest.service(service).orElseThrow(() -> new UserError(UserError.Kind.CONFIGURATION,
                    "backup " + manifest.id() + " holds no " + service, "it holds: "
                    + String.join(", ", manifest.serviceNames()))));
        }
        return entries;
    }

    /** What changed since the backup: the service's definition (compose's hash) and its image. */
    List<String> differences(BackupManifest.ServiceEntry entry) {
        List<String> warnings = new ArrayList<>();
        Optional<String> container = tools.exec().locate(tools.project(), entry.service()).containerId();
        if (container.isEmpty()) {
            return warnings;
        }
        BackupEngine.Container now = tools.engine().inspect(container.get());
        if (entry.definitionHash().isPresent() && now.definitionHash().isPresent()
                && !entry.definitionHash().equals(now.definitionHash())) {
            warnings.add(entry.service() + ": its definition in the compose file changed since the backup");
        }
        if (!entry.imageId().equals(now.imageId())) {
            warnings.add(entry.service() + ": the backup was made with image " + entry.image() + " ("
                    + shortId(entry.imageId()) + "), the service now runs " + now.image() + " ("
                    + shortId(now.imageId()) + ")");
        }
        return warnings;
    }

    private static String shortId(String id) {
        String bare = id.startsWith("sha256:") ? id.substring(7) : id;
        return bare.substring(0, Math.min(12, bare.length()));
    }

    private void restoreOne(BackupManifest.ServiceEntry entry, Path file, BackupManifest manifest,
                            Optional<BackupKey> key, Consumer<BackupEvent> listener, Cancellation cancellation) {
        String service = entry.service();
        ServicePlan plan = tools.plan(service);
        if (plan.mode() == BackupMode.DUMP) {
            if (!tools.exec().locate(tools.project(), service).isRunning()) {
                listener.accept(new BackupEvent.Note(service, "starting it to load the dump"));
                tools.control().start(List.of(service));
            }
            verifier.restoreInto(tools.containerOf(service), plan.restoreCommand().orElseThrow(), file, manifest,
                    entry, key, listener, cancellation);
            return;
        }
        BackupEngine.Container container = tools.engine().inspect(tools.containerOf(service));
        if (container.running()) {
            tools.engine().stop(container.id(), BackupTools.STOP_GRACE);
        }
        Map<String, String> volumes = VolumeArchive.volumes(plan, container, tools.project());
        try (BackupVerifier.Throwaways throwaways = new BackupVerifier.Throwaways(tools.engine())) {
            String helper = throwaways.helper(container.imageId(), tools.project() + "-restore-" + service + "-"
                    + Long.toHexString(System.nanoTime() & 0xffffff), VolumeArchive.mountPoints(volumes), List.of());
            verifier.restoreInto(helper, VolumeArchive.extractCommand(List.copyOf(volumes.keySet())), file, manifest,
                    entry, key, listener, cancellation);
        }
        tools.hooks().restored(service, entry);
    }
}
