package io.colimaservices.app;

import io.colimaservices.domain.backup.BackupText;
import io.colimaservices.domain.backup.Cancellation;
import io.colimaservices.usecase.ActionTrace;
import io.colimaservices.usecase.BackupUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Drives the daily backup while the app runs: every {@link #TICK} (the first a minute after the start, so a wake or a
 * start catches up soon) it asks the use case to back up when one is due (the schedule on, the stack running, the
 * last backup a day old), then reads the last backup's age for the menu. A backup that fails is traced by the use
 * case; the next tick tries again. Quit cancels a running one (its command killed, its partial folder removed).
 */
final class BackupSchedule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackupSchedule.class);
    static final Duration FIRST = Duration.ofMinutes(1);
    static final Duration TICK = Duration.ofMinutes(15);

    private final Supplier<BackupUseCase> backups;
    private final BooleanSupplier stackRunning;
    private final Runnable changed;
    private final Cancellation cancellation = new Cancellation();
    private volatile Optional<String> menuLine = Optional.empty();
    private Thread thread;

    /**
     * @param stackRunning whether any service of the stack runs (a stopped stack is not backed up)
     * @param changed      told when the menu's line changed (the menu is built again)
     */
    BackupSchedule(Supplier<BackupUseCase> backups, BooleanSupplier stackRunning, Runnable changed) {
        this.backups = backups;
        this.stackRunning = stackRunning;
        this.changed = changed;
    }

    synchronized void start() {
        thread = Thread.ofVirtual().name("backup-schedule").start(this::loop);
    }

    /** The menu's line: the last backup's age, a warning when the daily schedule is late; empty before the first read. */
    Optional<String> menuLine() {
        return menuLine;
    }

    private void loop() {
        try {
            Thread.sleep(FIRST);
            while (!Thread.currentThread().isInterrupted()) {
                tick();
                Thread.sleep(TICK);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One round: a backup if one is due, then the age for the menu. */
    void tick() {
        BackupUseCase useCase = backups.get();
        try {
            useCase.runIfDue(stackRunning.getAsBoolean(), event -> { }, cancellation);
        } catch (RuntimeException e) {
            LOG.warn("scheduled backup: {}", ActionTrace.why(e));
        }
        try {
            BackupUseCase.Freshness fresh = useCase.freshness();
            menuLine = fresh.daily() || fresh.age().isPresent()
                    ? Optional.of(BackupText.menuLine(fresh.age(), fresh.overdue())) : Optional.empty();
            changed.run();
        } catch (RuntimeException e) {
            LOG.warn("backups: cannot read the last backup: {}", ActionTrace.why(e));
        }
    }

    @Override
    public synchronized void close() {
        cancellation.cancel();
        if (thread != null) {
            thread.interrupt();
        }
    }
}
