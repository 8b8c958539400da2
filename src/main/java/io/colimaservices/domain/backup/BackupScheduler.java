package io.colimaservices.domain.backup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The daily backup, as a use case the app drives (it calls {@link #runIfDue} on a timer and on wake): a backup is
 * due when the schedule is on, the stack runs and the last complete backup is a day old (or there is none); after
 * it, a deep verify if the settings ask for one, then the oldest backups beyond "keep" are removed. Also tells the
 * menu the last backup's age and whether it is overdue. Time comes from the clock given (a fake one in tests).
 */
public final class BackupScheduler {
    public static final Duration PERIOD = Duration.ofDays(1);
    /** Late by more than this reads "overdue": a machine asleep at the hour should not cry wolf at once. */
    public static final Duration GRACE = Duration.ofHours(2);

    private final Backups backups;
    private final Supplier<BackupSettings> settings;
    private final BooleanSupplier stackRunning;
    private final Clock clock;

    public BackupScheduler(Backups backups, Supplier<BackupSettings> settings, BooleanSupplier stackRunning,
                           Clock clock) {
        this.backups = backups;
        this.settings = settings;
        this.stackRunning = stackRunning;
        this.clock = clock;
    }

    /** What happened on one call. */
    public record Run(Optional<BackupResult> backup, Optional<VerifyReport> verify, List<String> pruned) {
    }

    public Optional<Instant> lastBackup() {
        List<BackupFolder.Stored> all = backups.list(settings.get().folder());
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast().manifest().ended());
    }

    public Optional<Duration> lastBackupAge() {
        return lastBackup().map(t -> Duration.between(t, clock.instant()));
    }

    public boolean due() {
        BackupSettings chosen = settings.get();
        if (!chosen.daily() || !stackRunning.getAsBoolean()) {
            return false;
        }
        return lastBackup().map(last -> !clock.instant().isBefore(last.plus(PERIOD))).orElse(true);
    }

    /** The schedule is on and the last backup is older than a day plus {@link #GRACE} (or there is none). */
    public boolean overdue() {
        return settings.get().daily() && lastBackupAge().map(age -> age.compareTo(PERIOD.plus(GRACE)) > 0)
                .orElse(true);
    }

    public Run runIfDue(java.util.function.Consumer<BackupEvent> listener, Cancellation cancellation) {
        if (!due()) {
            return new Run(Optional.empty(), Optional.empty(), List.of());
        }
        BackupSettings chosen = settings.get();
        BackupResult result = backups.backup(List.of(), chosen.folder(), true, listener, cancellation);
        Optional<VerifyReport> verify = chosen.deepVerifyAfterBackup()
                ? Optional.of(backups.deepVerify(result.folder().toString(), chosen.folder(), listener, cancellation))
                : Optional.empty();
        return new Run(Optional.of(result), verify, prune(chosen));
    }

    /** Removes the oldest complete backups beyond {@code keep}; returns their ids. */
    public List<String> prune(BackupSettings chosen) {
        List<BackupFolder.Stored> all = backups.list(chosen.folder());
        List<BackupFolder.Stored> old = all.subList(0, Math.max(0, all.size() - chosen.keep()));
        BackupFolder folder = new BackupFolder(chosen.folder().orElse(backups.defaultRoot()), null);
        old.forEach(s -> folder.delete(s.folder()));
        return old.stream().map(s -> s.manifest().id()).toList();
    }
}
