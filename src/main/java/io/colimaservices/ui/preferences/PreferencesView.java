package io.colimaservices.ui.preferences;

import io.colimaservices.ui.common.Fxml;
import io.colimaservices.ui.common.Notice;
import io.colimaservices.ui.common.PageParts;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The Preferences page: general choices (launch at login applies at once), the stack's compose file, the Colima VM's
 * settings with their validation messages, and the file's problems; Save and Revert below, always in view. The layout
 * is {@code PreferencesView.fxml} (this class is its controller), its cards their own FXML and views.
 */
public final class PreferencesView {

    /** Picks a compose file; the real one is a {@link FileChooser}, tests give their own. */
    @FunctionalInterface
    public interface ComposeFileChooser {
        Optional<Path> choose(Window owner, Optional<Path> current);
    }

    private final PreferencesViewModel model;

    @FXML
    private BorderPane root;
    @FXML
    private VBox page;
    @FXML
    private Label settingsFile;
    @FXML
    private VBox form;
    @FXML
    private Label status;
    @FXML
    private Label invalid;
    @FXML
    private Button revert;
    @FXML
    private Button save;

    public PreferencesView(PreferencesViewModel model) {
        this(model, PreferencesView::chooseWithDialog);
    }

    public PreferencesView(PreferencesViewModel model, ComposeFileChooser chooser) {
        this.model = model;
        Fxml.load(this);
        form.getChildren().setAll(new PreferencesGeneralCard(model, chooser).root(),
                new PreferencesVmCard(model.vm()).root(), new PreferencesConnectionsCard(model.connections()).root());
        form.disableProperty().bind(model.loadedProperty().not());
        // The page's messages, between the header and the form; each takes no room while it has nothing to say.
        page.getChildren().addAll(1, List.of(PageParts.message("prefs-failure", model.action().failureProperty()),
                PageParts.message("prefs-moved-aside", Notice.Tone.INFO, "Saved; the old file was kept",
                        model.file().movedAsideProperty()), problemsMessage()));
        bindHeaderAndButtons();
    }

    public Parent root() {
        return root;
    }

    private void bindHeaderAndButtons() {
        settingsFile.textProperty().bind(Bindings.concat("Saved in ", model.file().settingsFileProperty()));
        PageParts.showWhen(settingsFile, model.file().settingsFileProperty().isNotEmpty());
        status.textProperty().bind(model.file().statusProperty());
        PageParts.showWhen(invalid, model.validProperty().not().and(model.loadedProperty()));
        revert.disableProperty().bind(model.dirtyProperty().not().or(model.action().busyProperty()));
        revert.setOnAction(e -> model.revert());
        save.disableProperty().bind(model.canSaveProperty().not());
        save.setOnAction(e -> model.save());
    }

    private javafx.scene.Node problemsMessage() {
        ObservableList<String> problems = model.file().problems();
        return PageParts.message("prefs-problems", Bindings.createObjectBinding(() -> problems.isEmpty() ? null
                : Notice.warning("The settings file has " + problems.size()
                        + (problems.size() == 1 ? " problem" : " problems"), String.join("\n", problems)
                        + "\nBad values are shown with their defaults. Saving keeps the file under a .bad- name and "
                        + "writes a clean one."), problems));
    }

    private static Optional<Path> chooseWithDialog(Window owner, Optional<Path> current) {
        FileChooser dialog = new FileChooser();
        dialog.setTitle("Choose the stack's compose file");
        dialog.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Compose files", "*.yml", "*.yaml"),
                new FileChooser.ExtensionFilter("All files", "*"));
        current.map(Path::getParent).filter(Files::isDirectory).map(Path::toFile)
                .ifPresent(dialog::setInitialDirectory);
        File chosen = dialog.showOpenDialog(owner);
        return Optional.ofNullable(chosen).map(File::toPath);
    }
}
