package io.colimaservices.ui.common;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Objects;

/**
 * Small parts the pages' views share: their stylesheet, icon buttons, wrapped text, the message box, shown-when.
 * (The window's list of pages is {@code app/Pages}.)
 */
public final class PageParts {
    /** The pages' own stylesheet (monospace strings, expiry colours), added to each page's root. */
    public static final String STYLESHEET = Objects.requireNonNull(
            PageParts.class.getResource("/io/colimaservices/ui/secrets.css")).toExternalForm();

    private PageParts() {
    }

    /** A flat icon-only button with a tooltip (copy, reveal, a service's start...), also its name for screen readers. */
    public static Button iconButton(Ikon icon, String tooltip, Runnable action) {
        Button button = new Button(null, new FontIcon(icon));
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        LazyTooltip.install(button, tooltip);
        button.setAccessibleText(tooltip);
        button.setOnAction(e -> action.run());
        return button;
    }

    public static Label text(String value) {
        Label label = new Label(value);
        label.setWrapText(true);
        label.setMinHeight(Label.USE_PREF_SIZE);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    public static Label text(ObservableValue<String> value) {
        Label label = text("");
        label.textProperty().bind(value);
        return label;
    }

    /**
     * A {@link MessageArea} that shows {@code notice} while it is present: the pages' one message box (not AtlantaFX's
     * {@code Message}, which reads its description as BBCode, so a message quoting brackets came out mangled).
     */
    public static HBox message(String id, ObservableValue<Notice> notice) {
        HBox box = MessageArea.bound(id, notice, null);
        // Its look (.notice and the tones) lives in the pages' stylesheet, which not every page adds to its root.
        box.getStylesheets().add(STYLESHEET);
        // The area listens to the binding, which its sources hold only weakly: the box keeps it alive.
        box.getProperties().put(Notice.class, notice);
        return box;
    }

    /** A message with a fixed title whose detail follows {@code text}; shown only while the text is not empty. */
    public static HBox message(String id, Notice.Tone tone, String title, ObservableValue<String> text) {
        return message(id, Bindings.createObjectBinding(
                () -> text.getValue().isEmpty() ? null : new Notice(tone, title, text.getValue()), text));
    }

    /** Shown and laid out only while {@code visible} holds. */
    public static <T extends Node> T showWhen(T node, ObservableValue<Boolean> visible) {
        node.visibleProperty().bind(visible);
        node.managedProperty().bind(node.visibleProperty());
        return node;
    }
}
