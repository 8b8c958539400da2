package io.colimaservices.ui.backups;

import javafx.beans.binding.Bindings;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "Reset...": which service (or the whole project), a backup first (on by default), and the name typed; "Reset" is
 * enabled only once the typed text is the service's (or the project's) name, as {@code reset --confirm NAME} asks.
 */
final class ResetDialog extends Dialog<ResetDialog.Choice> {
    /** What the user chose: a service, or empty for the whole project. */
    record Choice(Optional<String> service, String typed, boolean backUpFirst) {
    }

    static final String WHOLE_PROJECT = "Everything (the whole project)";

    private final ComboBox<String> target = new ComboBox<>();
    private final TextField typed = new TextField();
    private final CheckBox backUpFirst = new CheckBox("Back up first");
    private final Label expected = new Label();

    ResetDialog(BackupsViewModel model) {
        setTitle("Reset");
        setHeaderText("Remove containers and their volumes: the data is gone unless a backup has it.");
        List<String> choices = new ArrayList<>(model.resettableServices());
        choices.add(WHOLE_PROJECT);
        target.getItems().setAll(choices);
        target.getSelectionModel().selectFirst();
        target.setId("reset-target");
        typed.setId("reset-typed");
        backUpFirst.setSelected(true);
        backUpFirst.setId("reset-back-up-first");
        expected.setId("reset-expected");
        expected.setWrapText(true);
        expected.textProperty().bind(Bindings.createStringBinding(() -> "Type " + model.confirmationFor(service())
                + " to confirm. Unseal-share sets and backup keys are kept.", target.valueProperty()));
        typed.setPromptText("name");
        VBox body = new VBox(10, new Label("What to reset"), target, backUpFirst, expected, typed);
        body.setPrefWidth(420);
        getDialogPane().setContent(body);
        getDialogPane().setId("backups-reset-dialog");
        ButtonType resetButton = new ButtonType("Reset", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, resetButton);
        getDialogPane().lookupButton(resetButton).getStyleClass().add("danger");
        getDialogPane().lookupButton(resetButton).disableProperty().bind(Bindings.createBooleanBinding(
                () -> !model.confirmationFor(service()).equals(typed.getText()), typed.textProperty(),
                target.valueProperty()));
        setResultConverter(button -> button == resetButton
                ? new Choice(service(), typed.getText(), backUpFirst.isSelected()) : null);
    }

    /** A dialog with {@code service} chosen and {@code typed} typed (pictures). */
    static ResetDialog filledIn(BackupsViewModel model, String service, String typed) {
        ResetDialog dialog = new ResetDialog(model);
        dialog.target.getSelectionModel().select(service);
        dialog.typed.setText(typed);
        return dialog;
    }

    private Optional<String> service() {
        String chosen = target.getValue();
        return chosen == null || WHOLE_PROJECT.equals(chosen) ? Optional.empty() : Optional.of(chosen);
    }
}
