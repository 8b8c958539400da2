package io.colimaservices.ui.backups;

import io.colimaservices.backup.JsonManifestFormat;
import io.colimaservices.backup.OpenPgpZstdCodec;
import io.colimaservices.domain.ContainerExec;
import io.colimaservices.domain.ExecIo;
import io.colimaservices.domain.ExecProcess;
import io.colimaservices.domain.ExecRequest;
import io.colimaservices.domain.ExecTarget;
import io.colimaservices.domain.MemorySecretStore;
import io.colimaservices.domain.backup.BackupEvent;
import io.colimaservices.domain.backup.BackupFolder;
import io.colimaservices.domain.backup.BackupHooks;
import io.colimaservices.domain.backup.BackupKeys;
import io.colimaservices.domain.backup.BackupManifest;
import io.colimaservices.domain.backup.BackupMode;
import io.colimaservices.domain.backup.BackupSettings;
import io.colimaservices.domain.backup.BackupTools;
import io.colimaservices.domain.backup.Backups;
import io.colimaservices.domain.backup.Unused;
import io.colimaservices.ui.common.Notice;
import io.colimaservices.ui.common.UiExecutors;
import io.colimaservices.usecase.ActionTrace;
import io.colimaservices.usecase.BackupUseCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Executor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Backups page's model over the real use case and real backup folders (manifests only; no engine: every engine
 * call fails the test), with the UI executor direct and the background work queued, so the state between a command
 * and its outcome can be looked at.
 */
class BackupsViewModelTest {
    @TempDir
    Path dir;

    private final List<Runnable> queued = new ArrayList<>();
    private final Executor background = queued::add;
    private final List<String> traced = new ArrayList<>();

    private BackupsViewModel model() {
        ActionTrace trace = (action, ok, outcome) -> traced.add(action + ": " + (ok ? "" : "FAILED ") + outcome);
        return new BackupsViewModel(useCase(dir, trace), () -> List.of("db", "files"), UiExecutors.direct(),
                background, ZoneOffset.UTC);
    }

    /** The real use case over backup folders in {@code dir}, project "proj"; any engine call fails the test. */
    static BackupUseCase useCase(Path dir, ActionTrace trace) {
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
        return new BackupUseCase(() -> new Backups(tools, dir), BackupSettings::defaults, Clock.systemUTC(), trace);
    }

    private void runQueued() {
        while (!queued.isEmpty()) {
            queued.removeFirst().run();
        }
    }

    private void backupAt(String at, boolean encrypted, Optional<Boolean> verified) {
        Instant started = Instant.parse(at);
        BackupFolder folder = new BackupFolder(dir, new JsonManifestFormat());
        Path partial = folder.create(started);
        BackupManifest.ServiceEntry db = new BackupManifest.ServiceEntry("db", BackupMode.DUMP, "db.dump.zst", "db:1",
                "sha256:aa", Optional.empty(), Optional.empty(), List.of(), started, started, 4096, 3 * 1024 * 1024,
                "00", Optional.empty());
        folder.complete(partial, new BackupManifest(1, BackupFolder.idOf(partial), "t", "proj", started, started,
                "zstd", encrypted ? Optional.of(new BackupManifest.Encryption(
                BackupManifest.Encryption.OPENPGP_AES256, "fp")) : Optional.empty(), List.of(db),
                verified.map(passed -> List.of(new BackupManifest.DeepVerify(started.plusSeconds(600), passed,
                        List.of()))).orElse(List.of())));
    }

    @Test
    void theListShowsEachBackupNewestFirstWithItsSizeEncryptionAndLastDeepVerify() {
        backupAt("2026-12-01T08:00:00Z", true, Optional.of(true));
        backupAt("2026-12-02T08:00:00Z", false, Optional.empty());
        BackupsViewModel model = model();
        model.refresh();
        assertThat(model.backups()).as("read in the background").isEmpty();
        runQueued();
        assertThat(model.folderProperty().get()).isEqualTo(dir.toString());
        assertThat(model.backups()).hasSize(2);
        BackupsViewModel.Row newest = model.backups().getFirst();
        assertThat(newest.time()).isEqualTo("2026-12-02 08:00");
        assertThat(newest.services()).isEqualTo("db");
        assertThat(newest.size()).isEqualTo("3.0 MiB");
        assertThat(newest.encrypted()).isFalse();
        assertThat(newest.lastVerify()).isEqualTo("never");
        BackupsViewModel.Row older = model.backups().get(1);
        assertThat(older.encrypted()).isTrue();
        assertThat(older.lastVerify()).isEqualTo("passed 2026-12-01 08:10");
    }

    @Test
    void anActionIsBusyUntilItsOutcomeAndAnotherWaits() {
        BackupsViewModel model = model();
        model.reset(Optional.empty(), "not-the-project", false);
        assertThat(model.busyProperty().get()).isTrue();
        assertThat(model.activityProperty().get()).isEqualTo("Resetting the project proj");
        model.backUpNow();
        assertThat(queued).as("a second action while one runs is not started").hasSize(1);
        runQueued();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.activityProperty().get()).isEmpty();
        Notice notice = model.noticeProperty().get();
        assertThat(notice.tone()).isEqualTo(Notice.Tone.DANGER);
        assertThat(notice.title()).isEqualTo("Reset failed");
        assertThat(notice.detail()).contains("does not match the project's name 'proj'", "nothing was removed");
        assertThat(traced).containsExactly("reset --all: FAILED the confirmation 'not-the-project' does not match "
                + "the project's name 'proj'; nothing was removed");
    }

    @Test
    void theResetDialogAsksForTheServicesNameOrTheProjects() {
        BackupsViewModel model = model();
        assertThat(model.resettableServices()).containsExactly("db", "files");
        assertThat(model.confirmationFor(Optional.of("db"))).isEqualTo("db");
        assertThat(model.confirmationFor(Optional.empty())).isEqualTo("proj");
    }

    @Test
    void aVerifyOfABackupThatIsGoneSaysSo() {
        BackupsViewModel model = model();
        model.verify(new BackupsViewModel.Row("20261201-080000", "", "db", "", true, "never"));
        runQueued();
        assertThat(model.noticeProperty().get().title()).isEqualTo("Verify failed");
        assertThat(model.noticeProperty().get().detail()).contains("no backup 20261201-080000");
    }

    @Test
    void progressShowsEachServicesStepBytesAndRate() {
        BackupsViewModel model = model();
        model.apply(new BackupEvent.Began("db", BackupMode.DUMP, "pg_dumpall"));
        model.apply(new BackupEvent.Began("files", BackupMode.VOLUMES, "data"));
        model.apply(new BackupEvent.Progress("db", 5 * 1024 * 1024, OptionalDouble.of(2 * 1024 * 1024)));
        assertThat(model.progress()).hasSize(2);
        BackupsViewModel.Progress db = model.progress().getFirst();
        assertThat(db.state()).startsWith(BackupMode.DUMP.word());
        assertThat(db.bytes()).isEqualTo("5.0 MiB");
        assertThat(db.rate()).isEqualTo("2.0 MiB/s");
        model.apply(new BackupEvent.Note("files", "stopped for the archive"));
        model.apply(new BackupEvent.Done("db", 6 * 1024 * 1024, 1024, Duration.ofSeconds(3)));
        assertThat(model.progress()).extracting(BackupsViewModel.Progress::state)
                .containsExactly("done", "stopped for the archive");
        assertThat(model.progress().getFirst().bytes()).isEqualTo("6.0 MiB");
    }

    @Test
    void cancelAsksTheRunningActionToStop() {
        BackupsViewModel model = model();
        model.backUpNow();
        model.cancel();
        assertThat(model.activityProperty().get()).isEqualTo("Backing up (cancelling)");
    }
}
