package io.colimaservices.domain.backup;

import io.colimaservices.backup.JsonManifestFormat;
import io.colimaservices.domain.MemorySecretStore;
import org.junit.jupiter.api.Test;
import io.colimaservices.ui.common.HandClock;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The daily schedule on a hand-moved clock, over real backup folders (their manifests only). */
class BackupSchedulerTest {
    @TempDir
    Path dir;

    private final HandClock clock = new HandClock();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private BackupSettings settings = new BackupSettings(Optional.empty(), false, true, 2);

    private BackupScheduler scheduler() {
        BackupTools tools = new BackupTools(() -> null, "p", new io.colimaservices.domain.ContainerExec() {
            @Override
            public io.colimaservices.domain.ExecTarget locate(String project, String service) {
                throw new AssertionError("no engine in this test");
            }

            @Override
            public io.colimaservices.domain.ExecProcess start(String id, io.colimaservices.domain.ExecRequest r,
                                                               io.colimaservices.domain.ExecIo io) {
                throw new AssertionError("no engine in this test");
            }
        }, new Unused.NoEngine(), new Unused.NoControl(), new io.colimaservices.backup.OpenPgpZstdCodec(),
                new JsonManifestFormat(), new BackupKeys(new MemorySecretStore()), BackupHooks.NONE, clock, "t",
                Duration.ofMinutes(1));
        Backups backups = new Backups(tools, dir);
        return new BackupScheduler(backups, () -> settings, running::get, clock);
    }

    private void backupAt(Instant at) {
        BackupFolder folder = new BackupFolder(dir, new JsonManifestFormat());
        Path partial = folder.create(at);
        folder.complete(partial, new BackupManifest(1, BackupFolder.idOf(partial), "t", "p", at, at, "zstd",
                Optional.empty(), List.of(), List.of()));
    }

    @Test
    void dueWhenDailyAndTheStackRunsAndTheLastBackupIsADayOld() {
        BackupScheduler scheduler = scheduler();
        assertThat(scheduler.due()).as("no backup yet").isTrue();
        assertThat(scheduler.overdue()).isTrue();
        backupAt(clock.instant().minus(Duration.ofHours(1)));
        assertThat(scheduler.due()).isFalse();
        assertThat(scheduler.lastBackupAge()).contains(Duration.ofHours(1));
        clock.advance(Duration.ofHours(23).minusSeconds(1));
        assertThat(scheduler.due()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(scheduler.due()).isTrue();
        assertThat(scheduler.overdue()).as("within the grace").isFalse();
        clock.advance(Duration.ofHours(2).plusSeconds(1));
        assertThat(scheduler.overdue()).isTrue();
        running.set(false);
        assertThat(scheduler.due()).as("stack stopped").isFalse();
        running.set(true);
        settings = new BackupSettings(Optional.empty(), false, false, 2);
        assertThat(scheduler.due()).as("schedule off").isFalse();
        assertThat(scheduler.overdue()).isFalse();
        assertThat(scheduler.runIfDue(e -> { }, new Cancellation()).backup()).isEmpty();
    }

    @Test
    void pruningKeepsTheNewestN() throws Exception {
        backupAt(Instant.parse("2026-05-28T07:00:00Z"));
        backupAt(Instant.parse("2026-05-29T07:00:00Z"));
        backupAt(Instant.parse("2026-05-30T07:00:00Z"));
        Files.createDirectories(dir.resolve("20260527-070000.partial"));
        List<String> pruned = scheduler().prune(settings);
        assertThat(pruned).containsExactly("20260528-070000");
        assertThat(dir.resolve("20260528-070000")).doesNotExist();
        assertThat(dir.resolve("20260530-070000")).isDirectory();
        assertThat(dir.resolve("20260527-070000.partial")).as("not a backup: not counted, not touched").isDirectory();
    }
}
