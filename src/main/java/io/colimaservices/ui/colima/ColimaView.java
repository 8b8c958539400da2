package io.colimaservices.ui.colima;

import atlantafx.base.controls.Card;
import atlantafx.base.theme.Styles;
import io.colimaservices.domain.StatusText;
import io.colimaservices.ui.common.Fxml;
import io.colimaservices.ui.common.Notice;
import io.colimaservices.ui.common.PageParts;
import io.colimaservices.ui.common.Slot;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

import java.util.Locale;

/**
 * The Colima page: the VM's state and resources, its Docker socket with the diagnosis and the fix, the VM actions,
 * a typed-name confirmation before a delete, failures in a message area and the tool's output as a short list. The
 * layout is {@code ColimaView.fxml} (this class is its controller); here it is bound to {@link ColimaViewModel} and
 * the facts grid is filled from the model's list.
 */
public final class ColimaView {
    private final ColimaViewModel model;

    @FXML private ScrollPane root;
    @FXML private Label profile;
    @FXML private Label phase;
    @FXML private Circle phaseDot;
    @FXML private ProgressIndicator spinner;
    @FXML private Label activity;
    @FXML private VBox failureSlot;
    @FXML private VBox stateErrorSlot;
    @FXML private Card notInstalled;
    @FXML private Label installCommand;
    @FXML private Label toolDescription;
    @FXML private GridPane factsGrid;
    @FXML private Label socketCondition;
    @FXML private Circle socketDot;
    @FXML private Label socketPath;
    @FXML private Tooltip socketPathTip;
    @FXML private Label socketDetail;
    @FXML private Button socketFix;
    @FXML private Tooltip socketFixTip;
    @FXML private VBox fixCommandBox;
    @FXML private Label fixCommandIntro;
    @FXML private Label fixCommand;
    @FXML private Label notice;
    @FXML private Button start;
    @FXML private Button stop;
    @FXML private Button restart;
    @FXML private Button delete;
    @FXML private Card deleteBox;
    @FXML private Label deleteWarning;
    @FXML private TextField deleteName;
    @FXML private Button deleteConfirm;
    @FXML private ListView<String> output;

    public ColimaView(ColimaViewModel model) {
        this.model = model;
        Fxml.load(this);
        bindHeader();
        bindSocket();
        bindActions();
        bindOutput();
    }

    public Parent root() {
        return root;
    }

    private void bindHeader() {
        profile.textProperty().bind(Bindings.concat("profile ", model.profileProperty()));
        paint(phaseDot, model.toneProperty());
        phase.textProperty().bind(model.phaseTextProperty());
        PageParts.showWhen(spinner, model.actions().changingProperty());
        activity.textProperty().bind(model.actions().statusLineProperty());
        Slot.fill(failureSlot, PageParts.message("vm-failure", model.action().failureProperty()));
        Slot.fill(stateErrorSlot, PageParts.message("vm-state-error", Notice.Tone.WARNING,
                "Colima's answer could not be read", model.stateErrorProperty()));
        installCommand.setText(ColimaViewModel.INSTALL_COMMAND);
        toolDescription.textProperty().bind(model.toolDescriptionProperty());
        PageParts.showWhen(notInstalled, model.notInstalledProperty());
        model.facts().addListener((ListChangeListener<ColimaViewModel.Fact>) c -> fillFacts());
        fillFacts();
    }

    private void fillFacts() {
        factsGrid.getChildren().clear();
        int row = 0;
        for (ColimaViewModel.Fact fact : model.facts()) {
            Label label = new Label(fact.label());
            label.getStyleClass().add(Styles.TEXT_MUTED);
            Label value = new Label(fact.value());
            value.setId("vm-fact-" + fact.id());
            factsGrid.addRow(row++, label, value);
        }
    }

    private void bindSocket() {
        ColimaSocketViewModel socket = model.socket();
        paint(socketDot, socket.socketToneProperty());
        socketCondition.textProperty().bind(socket.socketConditionProperty());
        socketPath.textProperty().bind(socket.socketPathProperty());
        socketPathTip.textProperty().bind(socket.socketPathProperty());
        socketDetail.textProperty().bind(socket.socketDetailProperty());
        PageParts.showWhen(socketDetail, socket.socketDetailProperty().isNotEmpty());
        socketFix.textProperty().bind(socket.fixLabelProperty());
        socketFix.disableProperty().bind(model.actions().canFixProperty().not());
        socketFixTip.textProperty().bind(socket.fixTextProperty());
        PageParts.showWhen(socketFix, socket.fixKindProperty().isEqualTo(ColimaSocketViewModel.FixKind.ACTION));
        fixCommandIntro.textProperty().bind(socket.fixLabelProperty());
        fixCommand.textProperty().bind(socket.fixCommandProperty());
        // Not installed: the card above the panels already says how to install.
        PageParts.showWhen(fixCommandBox, socket.fixKindProperty().isEqualTo(ColimaSocketViewModel.FixKind.COMMAND)
                .and(model.notInstalledProperty().not()));
        notice.textProperty().bind(Bindings.createStringBinding(() -> {
            Notice n = model.action().noticeProperty().get();
            return n == null || n.tone() == Notice.Tone.DANGER ? "" : n.title();
        }, model.action().noticeProperty()));
        PageParts.showWhen(notice, notice.textProperty().isNotEmpty());
    }

    private void bindActions() {
        enableWhen(start, model.actions().canStartProperty());
        enableWhen(stop, model.actions().canStopProperty());
        enableWhen(restart, model.actions().canRestartProperty());
        enableWhen(delete, model.deletion().canDeleteProperty());
        deleteWarning.textProperty().bind(Bindings.concat("This deletes VM '", model.profileProperty(),
                "' with all its containers, images and volumes. Type the profile name to confirm:"));
        deleteName.promptTextProperty().bind(model.profileProperty());
        deleteName.textProperty().bindBidirectional(model.deletion().deleteConfirmationProperty());
        deleteConfirm.disableProperty().bind(model.deletion().deleteAllowedProperty().not());
        PageParts.showWhen(deleteBox, model.deletion().confirmingDeleteProperty());
        model.deletion().confirmingDeleteProperty().addListener((o, was, now) -> {
            if (now) {
                deleteName.requestFocus();
            }
        });
    }

    private void bindOutput() {
        output.setItems(model.actions().lines());
        model.actions().lines().addListener((ListChangeListener<String>) c -> {
            if (!model.actions().lines().isEmpty()) {
                output.scrollTo(model.actions().lines().size() - 1);
            }
        });
    }

    // --- the layout's actions

    @FXML
    private void refresh() {
        model.refresh();
    }

    @FXML
    private void copyInstallCommand() {
        model.socket().copyInstallCommand();
    }

    @FXML
    private void applyFix() {
        model.socket().applyFix();
    }

    @FXML
    private void copyFixCommand() {
        model.socket().copyFixCommand();
    }

    @FXML
    private void start() {
        model.actions().start();
    }

    @FXML
    private void stop() {
        model.actions().stop();
    }

    @FXML
    private void restart() {
        model.actions().restart();
    }

    @FXML
    private void requestDelete() {
        model.deletion().requestDelete();
    }

    @FXML
    private void confirmDelete() {
        model.deletion().confirmDelete();
    }

    @FXML
    private void cancelDelete() {
        model.deletion().cancelDelete();
    }

    // --- small pieces

    /** The state dot's colour follows {@code tone} (the {@code state-*} classes of app.css). */
    private static void paint(Circle dot, ObservableValue<StatusText.Tone> tone) {
        Runnable paint = () -> dot.getStyleClass().setAll("state-dot",
                "state-" + tone.getValue().name().toLowerCase(Locale.ROOT));
        tone.addListener((o, was, now) -> paint.run());
        paint.run();
    }

    private static void enableWhen(Button button, ObservableValue<Boolean> enabled) {
        button.disableProperty().bind(Bindings.createBooleanBinding(() -> !enabled.getValue(), enabled));
    }
}
