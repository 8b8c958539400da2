package io.colimaservices.ui.setup;

import atlantafx.base.theme.Styles;
import io.colimaservices.ui.common.Fxml;
import io.colimaservices.ui.common.MessageArea;
import io.colimaservices.ui.common.PageParts;
import io.colimaservices.usecase.SetupState;
import io.colimaservices.usecase.SetupStep;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.concurrent.CompletableFuture;

/**
 * The Setup page's view: the layout is {@code SetupView.fxml} (this class is its controller); the step rows are
 * built here from the model's list, one row per step: its state, title, what the check found, the action, and a
 * button that runs that step alone.
 */
public final class SetupView {
    private final SetupViewModel model;

    @FXML
    private ScrollPane root;
    @FXML
    private VBox page;
    @FXML
    private Label summary;
    @FXML
    private HBox messageSlot;
    @FXML
    private Button runAll;
    @FXML
    private Button refresh;
    @FXML
    private ProgressIndicator spinner;
    @FXML
    private Label lastLine;
    @FXML
    private VBox rows;

    public SetupView(SetupViewModel model) {
        this.model = model;
        Fxml.load(this);
        bind();
    }

    public Parent root() {
        return root;
    }

    private void bind() {
        page.getStylesheets().add(PageParts.STYLESHEET);
        summary.textProperty().bind(model.summaryProperty());
        lastLine.textProperty().bind(model.lastLineProperty());
        spinner.visibleProperty().bind(model.busyProperty());
        runAll.disableProperty().bind(Bindings.or(model.busyProperty(), model.finishedProperty()));
        runAll.setOnAction(e -> model.runAll());
        refresh.disableProperty().bind(model.busyProperty());
        refresh.setOnAction(e -> model.refresh());
        messageSlot.getChildren().add(MessageArea.bound("setup-notice", model.noticeProperty(), model::dismissNotice));
        HBox.setHgrow(messageSlot.getChildren().getFirst(), Priority.ALWAYS);
        model.steps().addListener((ListChangeListener<SetupStep>) change -> showRows());
        model.busyProperty().addListener((o, was, is) -> showRows());
        showRows();
    }

    private void showRows() {
        rows.getChildren().setAll(model.steps().stream().map(this::row).toList());
    }

    private HBox row(SetupStep step) {
        Label state = new Label(step.state().label());
        state.setId("setup-state-" + step.id());
        state.setMinWidth(70);
        state.getStyleClass().addAll("setup-state", toneOf(step.state()));
        Label title = new Label(step.title() + (step.optional() ? " (optional)" : ""));
        title.getStyleClass().add(Styles.TEXT_BOLD);
        Label detail = PageParts.text(step.detail());
        detail.setId("setup-detail-" + step.id());
        VBox text = new VBox(3, title, detail);
        if (!step.state().settled() && step.state() != SetupState.BLOCKED) {
            Label action = PageParts.text("\u2192 " + step.action());
            action.getStyleClass().addAll(Styles.TEXT_SMALL, "monospace");
            text.getChildren().add(action);
        }
        HBox.setHgrow(text, Priority.ALWAYS);
        Button run = new Button("Run step");
        run.setId("setup-run-" + step.id());
        run.setDisable(!model.canRun(step));
        run.setOnAction(e -> model.runStep(step.id()));
        run.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(12, state, text, run);
        row.setId("setup-step-" + step.id());
        return row;
    }

    private static String toneOf(SetupState state) {
        return switch (state) {
            case DONE -> Styles.SUCCESS;
            case TODO, RUNNING -> Styles.ACCENT;
            case FAILED -> Styles.DANGER;
            case BLOCKED, SKIPPED -> Styles.TEXT_MUTED;
        };
    }

    /**
     * Vault's confirmation, asked from the setup's background thread: a dialog on the FX thread, the thread waits
     * for the answer.
     */
    static boolean confirm(String question) {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.OK, ButtonType.CANCEL);
            alert.setHeaderText("Initialize Vault");
            answer.complete(alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent());
        });
        return answer.join();
    }
}
