package io.colimaservices.ui.preferences;

import atlantafx.base.controls.ToggleSwitch;
import io.colimaservices.domain.AppSettings;
import io.colimaservices.domain.TerminalApp;
import io.colimaservices.domain.Tiers;
import io.colimaservices.domain.backup.BackupSettings;
import io.colimaservices.ui.common.Fxml;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;

import java.util.Arrays;
import java.util.List;

/**
 * Preferences' General card (launch at login applies at once; the rest on Save): the layout is
 * {@code PreferencesGeneralCard.fxml}, this its controller.
 */
final class PreferencesGeneralCard {
    @FXML
    private Node root;
    @FXML
    private ToggleSwitch launch;
    @FXML
    private Label loginNote;
    @FXML
    private ToggleSwitch startVm;
    @FXML
    private ToggleSwitch unseal;
    @FXML
    private TextField clipboardSeconds;
    @FXML
    private Label clipboardNote;
    @FXML
    private Label clipboardError;
    @FXML
    private ToggleSwitch daily;
    @FXML
    private Spinner<Integer> kept;
    @FXML
    private ComboBox<TerminalApp> terminal;
    @FXML
    private ComboBox<String> tier;
    @FXML
    private Label composeFile;
    @FXML
    private Tooltip composeFileTip;
    @FXML
    private Button choose;
    @FXML
    private Button bundled;

    PreferencesGeneralCard(PreferencesViewModel page, PreferencesView.ComposeFileChooser chooser) {
        Fxml.load(this);
        PreferencesAppViewModel model = page.app();
        launch.selectedProperty().bindBidirectional(page.login().launchAtLoginProperty());
        launch.disableProperty().bind(page.action().busyProperty());
        loginNote.textProperty().bind(page.login().loginNoteProperty());
        startVm.selectedProperty().bindBidirectional(model.startVmOnLaunchProperty());
        unseal.selectedProperty().bindBidirectional(model.unsealAutomaticallyProperty());
        PreferencesBindings.field(clipboardSeconds, model.clipboardSecondsProperty());
        clipboardNote.setText("1 to " + AppSettings.MAX_CLIPBOARD_CLEAR_SECONDS + "; for the Vault credentials");
        PreferencesBindings.error(clipboardError, model.clipboardErrorProperty());
        daily.selectedProperty().bindBidirectional(model.dailyBackupsProperty());
        kept.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, BackupSettings.MAX_KEEP, 7));
        kept.getValueFactory().valueProperty().bindBidirectional(model.backupsKeptProperty());
        terminal.setConverter(new TerminalNames());
        PreferencesBindings.choice(terminal, List.of(TerminalApp.values()), model.terminalProperty());
        PreferencesBindings.choice(tier, Tiers.KNOWN, model.defaultTierProperty());

        composeFile.textProperty().bind(model.composeFileTextProperty());
        composeFileTip.textProperty().bind(model.composeFileTextProperty());
        choose.setOnAction(e -> chooser.choose(root.getScene() == null ? null : root.getScene().getWindow(),
                model.composeFileProperty().get()).ifPresent(model::chooseComposeFile));
        bundled.disableProperty().bind(Bindings.createBooleanBinding(() -> model.composeFileProperty().get()
                .isEmpty(), model.composeFileProperty()));
        bundled.setOnAction(e -> model.useBundledStack());
    }

    Node root() {
        return root;
    }

    /** A terminal by its display name. */
    private static final class TerminalNames extends StringConverter<TerminalApp> {
        @Override
        public String toString(TerminalApp app) {
            return app == null ? "" : app.displayName();
        }

        @Override
        public TerminalApp fromString(String text) {
            return Arrays.stream(TerminalApp.values()).filter(t -> t.displayName().equals(text)).findFirst()
                    .orElse(TerminalApp.DEFAULT);
        }
    }
}
