package io.colimaservices.ui.common;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;

/**
 * Says why something could not be opened and offers the command line to run by hand: selectable, and copied with
 * one click (a command line, never a secret). FX thread.
 */
public final class CommandDialog {
    private CommandDialog() {
    }

    public static void show(String title, String message, String commandLine) {
        show(title, message, commandLine, "Copy command");
    }

    /** The same with another label on the copy button (e.g. "Copy address"). */
    public static void show(String title, String message, String commandLine, String copyLabel) {
        TextField command = new TextField(commandLine);
        command.setId("command-line");
        command.setEditable(false);
        command.setPrefColumnCount(60);
        command.getStyleClass().add("mono");
        ButtonType copy = new ButtonType(copyLabel, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.WARNING, "", copy, ButtonType.CLOSE);
        alert.setTitle(title);
        alert.setHeaderText(message);
        alert.getDialogPane().setContent(new VBox(8, command));
        alert.showAndWait().filter(copy::equals).ifPresent(b -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(commandLine);
            Clipboard.getSystemClipboard().setContent(content);
        });
    }
}
