package io.colimaservices.ui.backups;

import atlantafx.base.theme.PrimerLight;
import io.colimaservices.backup.JsonManifestFormat;
import io.colimaservices.domain.backup.BackupFolder;
import io.colimaservices.domain.backup.BackupManifest;
import io.colimaservices.testing.FxSettle;
import io.colimaservices.ui.common.UiExecutors;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The Backups page laid out from its FXML, headless (Monocle): the list and which actions a selection enables. */
class BackupsViewTest extends ApplicationTest {
    private Path dir;

    @Override
    public void start(Stage stage) throws IOException {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        dir = Files.createTempDirectory("cs-backups-view");
        Instant started = Instant.parse("2026-12-06T02:00:00Z");
        BackupFolder folder = new BackupFolder(dir, new JsonManifestFormat());
        Path partial = folder.create(started);
        folder.complete(partial, new BackupManifest(1, BackupFolder.idOf(partial), "t", "proj", started, started,
                "zstd", Optional.empty(), List.of(), List.of()));
        BackupsViewModel model = new BackupsViewModel(BackupsViewModelTest.useCase(dir, (a, ok, o) -> { }),
                () -> List.of("db"), UiExecutors.fx(), Runnable::run, ZoneOffset.UTC);
        BackupsSection section = new BackupsSection(model);
        stage.setScene(new Scene((javafx.scene.Parent) section.build(), 1000, 700));
        stage.show();
        section.shown();
    }

    @org.junit.jupiter.api.AfterEach
    void removeTheFolder() throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Test
    void theListShowsTheBackupAndASelectionEnablesVerifyAndRestore() {
        FxSettle.settle();
        TableView<?> list = lookup("#backups-list").queryAs(TableView.class);
        assertThat(list.getItems()).hasSize(1);
        Button verify = lookup("#backups-verify").queryButton();
        Button restore = lookup("#backups-restore").queryButton();
        assertThat(verify.isDisabled()).isTrue();
        assertThat(restore.isDisabled()).isTrue();
        assertThat(lookup("#backups-back-up-now").queryButton().isDisabled()).isFalse();
        assertThat(lookup("#backups-running").query().isVisible()).as("no action runs").isFalse();
        interact(() -> list.getSelectionModel().select(0));
        assertThat(verify.isDisabled()).isFalse();
        assertThat(restore.isDisabled()).isFalse();
        assertThat(lookup("#backups-folder").queryLabeled().getText()).isEqualTo("in " + dir);
    }
}
