package io.colimaservices.app;

import io.colimaservices.backup.JsonManifestFormat;
import io.colimaservices.backup.OpenPgpZstdCodec;
import io.colimaservices.domain.ContainerExec;
import io.colimaservices.domain.ExecIo;
import io.colimaservices.domain.ExecProcess;
import io.colimaservices.domain.ExecRequest;
import io.colimaservices.domain.ExecTarget;
import io.colimaservices.domain.MemorySecretStore;
import io.colimaservices.domain.backup.BackupFolder;
import io.colimaservices.domain.backup.BackupHooks;
import io.colimaservices.domain.backup.BackupKeys;
import io.colimaservices.domain.backup.BackupManifest;
import io.colimaservices.domain.backup.BackupSettings;
import io.colimaservices.domain.backup.BackupTools;
import io.colimaservices.domain.backup.Backups;
import io.colimaservices.domain.backup.Unused;
import io.colimaservices.usecase.ActionTrace;
import io.colimaservices.usecase.BackupUseCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** One round of the app's daily schedule: no backup while the stack is stopped, and the menu's line. */
class BackupScheduleTest {
    @TempDir
    Path dir;

    private final AtomicInteger changed = new AtomicInteger();
    private BackupSettings settings = new BackupSettings(Optional.empty(), false, true, 3);

    private BackupSchedule schedule() {
        ContainerExec exec = new ContainerExec() {
            @Override
            public ExecTarget locate(String project, String service) {
                throw new AssertionError("no engine in this test");
            }

            @Override
            public ExecProcess start(String containerId, ExecRequest request, ExecIo io) {
                throw new AssertionError("no engine in this test");
            }
        };
        BackupTools tools = new BackupTools(() -> null, "proj", exec, new Unused.NoEngine(), new Unused.NoControl(),
                new OpenPgpZstdCodec(), new JsonManifestFormat(), new BackupKeys(new MemorySecretStore()),
                BackupHooks.NONE, Clock.systemUTC(), "t", Duration.ofMinutes(1));
        BackupUseCase useCase = new BackupUseCase(() -> new Backups(tools, dir), () -> settings, Clock.systemUTC(),
                ActionTrace.NONE);
        return new BackupSchedule(() -> useCase, () -> false, changed::incrementAndGet);
    }

    @Test
    void aStoppedStackIsNotBackedUpAndTheMenuSaysTheDailyBackupIsLate() {
        BackupSchedule schedule = schedule();
        assertThat(schedule.menuLine()).isEmpty();
        schedule.tick();
        assertThat(schedule.menuLine()).contains("\u26a0 No backup yet (daily backups are on)");
        assertThat(changed.get()).isEqualTo(1);
    }

    @Test
    void theMenuShowsTheLastBackupsAgeAndNothingWithoutBackupsOrSchedule() {
        settings = new BackupSettings(Optional.empty(), false, false, 3);
        BackupSchedule schedule = schedule();
        schedule.tick();
        assertThat(schedule.menuLine()).isEmpty();

        Instant started = Instant.now().minus(Duration.ofHours(5)).minusSeconds(30);
        BackupFolder folder = new BackupFolder(dir, new JsonManifestFormat());
        Path partial = folder.create(started);
        folder.complete(partial, new BackupManifest(1, BackupFolder.idOf(partial), "t", "proj", started, started,
                "zstd", Optional.empty(), List.of(), List.of()));
        schedule.tick();
        assertThat(schedule.menuLine()).contains("Last backup: 5 h ago");
    }
}
