package io.colimaservices.ui.backups;

import io.colimaservices.domain.backup.RestoreConfirmation;
import io.colimaservices.ui.common.Fxml;
import io.colimaservices.ui.common.PageParts;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The Backups page, laid out in {@code BackupsView.fxml} (this class is its controller): binds the list, the
 * progress and the buttons to {@link BackupsViewModel}; asks before a restore and, through {@link ResetDialog}, for
 * the typed name before a reset.
 */
public final class BackupsView {
    @FXML private VBox root;
    @FXML private Label folder;
    @FXML private VBox messageSlot;
    @FXML private Button backUpNow;
    @FXML private Button verify;
    @FXML private Button restore;
    @FXML private Button reset;
    @FXML private VBox running;
    @FXML private ProgressBar spinner;
    @FXML private Label activity;
    @FXML private Button cancel;
    @FXML private TableView<BackupsViewModel.Progress> progress;
    @FXML private TableColumn<BackupsViewModel.Progress, String> progressService;
    @FXML private TableColumn<BackupsViewModel.Progress, String> progressState;
    @FXML private TableColumn<BackupsViewModel.Progress, String> progressBytes;
    @FXML private TableColumn<BackupsViewModel.Progress, String> progressRate;
    @FXML private TableView<BackupsViewModel.Row> list;
    @FXML private TableColumn<BackupsViewModel.Row, String> idColumn;
    @FXML private TableColumn<BackupsViewModel.Row, String> timeColumn;
    @FXML private TableColumn<BackupsViewModel.Row, String> servicesColumn;
    @FXML private TableColumn<BackupsViewModel.Row, String> sizeColumn;
    @FXML private TableColumn<BackupsViewModel.Row, String> encryptedColumn;
    @FXML private TableColumn<BackupsViewModel.Row, String> verifyColumn;

    private final BackupsViewModel model;

    public BackupsView(BackupsViewModel model) {
        this.model = model;
        Fxml.load(this);
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        root.getStylesheets().add(PageParts.STYLESHEET);
        folder.textProperty().bind(Bindings.concat("in ", model.folderProperty()));
        messageSlot.getChildren().add(PageParts.message("backups-message", model.noticeProperty()));
        column(progressService, BackupsViewModel.Progress::service);
        column(progressState, BackupsViewModel.Progress::state);
        column(progressBytes, BackupsViewModel.Progress::bytes);
        column(progressRate, BackupsViewModel.Progress::rate);
        progress.setItems(model.progress());
        column(idColumn, BackupsViewModel.Row::id);
        column(timeColumn, BackupsViewModel.Row::time);
        column(servicesColumn, BackupsViewModel.Row::services);
        column(sizeColumn, BackupsViewModel.Row::size);
        column(encryptedColumn, r -> r.encrypted() ? "yes" : "no");
        column(verifyColumn, BackupsViewModel.Row::lastVerify);
        list.setItems(model.backups());

        running.visibleProperty().bind(model.busyProperty().or(Bindings.isNotEmpty(model.progress())));
        running.managedProperty().bind(running.visibleProperty());
        spinner.visibleProperty().bind(model.busyProperty());
        activity.textProperty().bind(model.activityProperty());
        cancel.disableProperty().bind(model.busyProperty().not());
        backUpNow.disableProperty().bind(model.busyProperty());
        reset.disableProperty().bind(model.busyProperty());
        var noneSelected = list.getSelectionModel().selectedItemProperty().isNull();
        verify.disableProperty().bind(model.busyProperty().or(noneSelected));
        restore.disableProperty().bind(model.busyProperty().or(noneSelected));
    }

    @FXML
    private void backUpNow() {
        model.backUpNow();
    }

    @FXML
    private void verify() {
        selected().ifPresent(model::verify);
    }

    @FXML
    private void restore() {
        selected().ifPresent(row -> model.restore(row, askOnFxThread(row)));
    }

    @FXML
    private void reset() {
        new ResetDialog(model).showAndWait().ifPresent(choice -> model.reset(choice.service(), choice.typed(),
                choice.backUpFirst()));
    }

    @FXML
    private void cancelRunning() {
        model.cancel();
    }

    private java.util.Optional<BackupsViewModel.Row> selected() {
        return java.util.Optional.ofNullable(list.getSelectionModel().getSelectedItem());
    }

    /** The restore's question, asked by the use case off the FX thread: shown on it, the answer waited for. */
    private RestoreConfirmation askOnFxThread(BackupsViewModel.Row row) {
        return (services, warnings) -> {
            CompletableFuture<Boolean> answer = new CompletableFuture<>();
            Platform.runLater(() -> answer.complete(restoreQuestion(row, services, warnings).showAndWait()
                    .filter(ButtonType.OK::equals).isPresent()));
            return answer.join();
        };
    }

    static Alert restoreQuestion(BackupsViewModel.Row row, List<String> services, List<String> warnings) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        alert.setTitle("Restore " + row.id());
        alert.setHeaderText("Replace the data of " + String.join(", ", services) + " with backup " + row.id() + "?");
        alert.setContentText((warnings.isEmpty() ? "" : "Since this backup:\n- " + String.join("\n- ", warnings)
                + "\n\n") + "Services that depend on them are stopped and started again.");
        alert.getDialogPane().setId("backups-restore-dialog");
        return alert;
    }

    private static <S> void column(TableColumn<S, String> column, Function<S, String> text) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
    }
}
