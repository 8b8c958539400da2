package io.colimaservices.usecase;

import io.colimaservices.domain.backup.BackupEvent;
import io.colimaservices.domain.backup.BackupFolder;
import io.colimaservices.domain.backup.BackupKey;
import io.colimaservices.domain.backup.BackupKeys;
import io.colimaservices.domain.backup.BackupManifest;
import io.colimaservices.domain.backup.BackupResult;
import io.colimaservices.domain.backup.BackupScheduler;
import io.colimaservices.domain.backup.BackupSettings;
import io.colimaservices.domain.backup.Backups;
import io.colimaservices.domain.backup.Cancellation;
import io.colimaservices.domain.backup.ResetReport;
import io.colimaservices.domain.backup.RestoreConfirmation;
import io.colimaservices.domain.backup.RestoreReport;
import io.colimaservices.domain.backup.ServicePlan;
import io.colimaservices.domain.backup.VerifyReport;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Backups for both faces ({@code backup}, {@code backups}, {@code verify}, {@code restore}, {@code reset},
 * {@code backup key}; the Backups page, the daily schedule and the menu's age of the last backup): the domain's
 * {@link Backups} over its ports (exec, the backup engine, the stack's own start and stop, the codec, the manifest
 * format, the keys in the secret store, Vault's hooks), with one trace line per action. Lines name backups,
 * services, counts, sizes and files; never a key.
 */
public final class BackupUseCase {
    private final Supplier<Backups> backups;
    private final Supplier<BackupSettings> settings;
    private final Clock clock;
    private final ActionTrace trace;

    /**
     * @param backups  the domain's backups, asked on each call (Docker and the secret store are reached on first use)
     * @param settings the backup settings as they are now (the schedule, keep, deep verify after each, the folder)
     * @param clock    the schedule's clock
     */
    public BackupUseCase(Supplier<Backups> backups, Supplier<BackupSettings> settings, Clock clock,
                         ActionTrace trace) {
        this.backups = backups;
        this.settings = settings;
        this.clock = clock;
        this.trace = trace;
    }

    /** Where backups go when a call names no folder (the settings' choice, else the app's own). */
    public Path defaultFolder() {
        return backups.get().defaultRoot();
    }

    /** The stack's project: what {@code reset --all} asks to be typed. */
    public String project() {
        return backups.get().project();
    }

    /** What {@link #reset} asks to be typed for these services. */
    public String confirmationFor(List<String> services) {
        return Backups.confirmationFor(services);
    }

    /** The services a backup of {@code targets} would cover (without targets: every running one that declares one). */
    public List<ServicePlan> plans(Collection<String> targets) {
        return backups.get().plans(targets);
    }

    public BackupResult backup(Collection<String> targets, Optional<Path> to, boolean encrypt,
                               Consumer<BackupEvent> listener, Cancellation cancellation) {
        return trace.run("backup " + named(targets), () -> backups.get().backup(targets, to, encrypt, listener,
                cancellation), r -> r.manifest().id() + " in " + r.folder() + ": " + r.manifest().services().size()
                + " services, " + r.manifest().totalFileBytes() + " bytes" + (encrypt ? ", encrypted" : ", not encrypted"));
    }

    /** Complete backups, oldest first. */
    public List<BackupFolder.Stored> list(Optional<Path> from) {
        return backups.get().list(from);
    }

    public VerifyReport verify(String idOrPath, Optional<Path> from) {
        return trace.run("verify " + idOrPath, () -> backups.get().verify(idOrPath, from), VerifyReport::passed,
                BackupUseCase::verified);
    }

    public VerifyReport deepVerify(String idOrPath, Optional<Path> from, Consumer<BackupEvent> listener,
                                   Cancellation cancellation) {
        return trace.run("verify --deep " + idOrPath, () -> backups.get().deepVerify(idOrPath, from, listener,
                cancellation), VerifyReport::passed, BackupUseCase::verified);
    }

    public RestoreReport restore(String idOrPath, Optional<Path> from, Collection<String> services,
                                 RestoreConfirmation confirmation, Consumer<BackupEvent> listener,
                                 Cancellation cancellation) {
        return trace.run("restore " + idOrPath + (services.isEmpty() ? "" : " " + String.join(" ", services)),
                () -> backups.get().restore(idOrPath, from, services, confirmation, listener, cancellation),
                RestoreReport::succeeded, r -> checks(r.results()) + (r.warnings().isEmpty() ? ""
                        : "; " + r.warnings().size() + " warnings accepted") + (r.restarted().isEmpty() ? ""
                        : "; started again: " + String.join(", ", r.restarted())));
    }

    /**
     * The backup a reset offers first: of these services (or, for {@code all}, every running service that declares
     * one). Empty when there is nothing to back up (no service with a backup label is running): the reset may go on.
     */
    public Optional<BackupResult> backupBeforeReset(List<String> services, boolean all, Consumer<BackupEvent> listener,
                                                    Cancellation cancellation) {
        List<String> targets = all ? List.of() : plans(services).stream().map(ServicePlan::service).toList();
        try {
            return Optional.of(backup(targets, Optional.empty(), true, listener, cancellation));
        } catch (io.colimaservices.domain.UserError e) {
            if (e.kind() != io.colimaservices.domain.UserError.Kind.CONFIGURATION) {
                throw e;
            }
            listener.accept(new BackupEvent.Note(String.join(", ", services), "no backup taken: " + e.getMessage()));
            return Optional.empty();
        }
    }

    public ResetReport reset(List<String> services, String typed, Consumer<BackupEvent> listener) {
        return trace.run("reset " + String.join(" ", services), () -> backups.get().reset(services, typed, listener),
                BackupUseCase::removed);
    }

    public ResetReport resetAll(String typed, Consumer<BackupEvent> listener) {
        return trace.run("reset --all", () -> backups.get().resetAll(typed, listener), BackupUseCase::removed);
    }

    /** Writes the backup key to a new file (0600; the folder's permissions left as they are). */
    public BackupKey exportKey(Path file) {
        return trace.run("backup key export " + file, () -> keys().export(file),
                key -> "key " + key.fingerprint() + " written");
    }

    /** Stores a key file's key, so backups made with it can be restored here. */
    public BackupKeys.Imported importKey(Path file) {
        return trace.run("backup key import " + file, () -> keys().importFrom(file),
                imported -> "key " + imported.key().fingerprint() + " stored" + (imported.madeCurrent()
                        ? ", now this Mac's key" : ""));
    }

    /** Where the keys live, for messages. */
    public String keyStoreDescription() {
        return keys().storeDescription();
    }

    /**
     * The daily schedule: a backup when one is due (then a deep verify if asked, then the oldest beyond "keep"
     * removed); nothing when the schedule is off, the stack is not running, or the last backup is not a day old.
     */
    public BackupScheduler.Run runIfDue(boolean stackRunning, Consumer<BackupEvent> listener,
                                        Cancellation cancellation) {
        BackupScheduler schedule = scheduler(stackRunning);
        if (!schedule.due()) {
            return new BackupScheduler.Run(Optional.empty(), Optional.empty(), List.of());
        }
        return trace.run("scheduled backup", () -> schedule.runIfDue(listener, cancellation),
                run -> run.verify().map(VerifyReport::passed).orElse(true),
                run -> run.backup().map(r -> r.manifest().id()).orElse("not due")
                        + run.verify().map(v -> v.passed() ? ", deep verify passed" : ", deep verify FAILED")
                        .orElse("") + (run.pruned().isEmpty() ? "" : ", removed " + String.join(", ", run.pruned())));
    }

    /** The last complete backup's age and whether the daily schedule is late, for the menu. */
    public Freshness freshness() {
        BackupScheduler schedule = scheduler(false);
        return new Freshness(schedule.lastBackupAge(), settings.get().daily(), schedule.overdue());
    }

    /**
     * @param age      since the last complete backup ended; empty when there is none
     * @param daily    the daily schedule is on
     * @param overdue  the schedule is on and the last backup is older than a day and its grace
     */
    public record Freshness(Optional<Duration> age, boolean daily, boolean overdue) {
    }

    public BackupSettings settings() {
        return settings.get();
    }

    private BackupScheduler scheduler(boolean stackRunning) {
        return new BackupScheduler(backups.get(), settings, () -> stackRunning, clock);
    }

    private BackupKeys keys() {
        return backups.get().keys();
    }

    private static String named(Collection<String> targets) {
        return targets.isEmpty() ? "(every service with a backup label)" : String.join(" ", targets);
    }

    private static String verified(VerifyReport report) {
        return report.manifest().id() + ": " + checks(report.checks());
    }

    private static String checks(List<BackupManifest.ServiceCheck> checks) {
        long failed = checks.stream().filter(c -> !c.passed()).count();
        return failed == 0 ? checks.size() + " services passed"
                : failed + " of " + checks.size() + " failed: " + String.join(", ", checks.stream()
                .filter(c -> !c.passed()).map(BackupManifest.ServiceCheck::service).toList());
    }

    private static String removed(ResetReport report) {
        return "removed " + report.removedContainers().size() + " containers and " + report.removedVolumes().size()
                + " volumes" + (report.kept().isEmpty() ? "" : "; kept " + String.join(", ", report.kept()));
    }
}
