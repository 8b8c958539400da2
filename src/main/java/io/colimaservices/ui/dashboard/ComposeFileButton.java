package io.colimaservices.ui.dashboard;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Button;
import javafx.stage.FileChooser;

import java.io.File;

/**
 * "Choose compose file…" beside the compose file's problem: a file chooser whose answer the page applies at once
 * ({@link DashboardViewModel#chooseComposeFile}); disabled while an action runs.
 */
final class ComposeFileButton {
    private ComposeFileButton() {
    }

    static Button of(DashboardViewModel model) {
        Button choose = new Button("Choose compose file\u2026");
        choose.setId("choose-compose-file");
        choose.getStyleClass().add(Styles.SMALL);
        choose.disableProperty().bind(model.workingProperty());
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Choose the stack's compose file");
            chooser.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter("Compose files", "*.yml", "*.yaml"),
                    new FileChooser.ExtensionFilter("All files", "*"));
            File file = chooser.showOpenDialog(choose.getScene() == null ? null : choose.getScene().getWindow());
            if (file != null) {
                model.chooseComposeFile(file.toPath());
            }
        });
        return choose;
    }
}
