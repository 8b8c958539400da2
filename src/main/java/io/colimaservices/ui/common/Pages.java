package io.colimaservices.ui.common;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Objects;

/** Small building blocks the pages share: titled cards, buttons with icons, wrapped text. */
public final class Pages {
    /** The pages' own stylesheet (monospace strings, expiry colours), added to each page's root. */
    public static final String STYLESHEET = Objects.requireNonNull(
            Pages.class.getResource("/io/colimaservices/ui/secrets.css")).toExternalForm();

    private Pages() {
    }

    /**
     * A card (AtlantaFX's card look) with a title and the given rows. A plain VBox rather than AtlantaFX's
     * {@code Card}, whose skin sizes its body without the width, so wrapped text pushed the last rows out of it.
     */
    public static VBox card(String title, Node... body) {
        Label header = new Label(title);
        header.getStyleClass().addAll(Styles.TITLE_4, "page-card-title");
        VBox card = new VBox(10);
        card.getChildren().add(header);
        card.getChildren().addAll(body);
        card.getStyleClass().add("page-card");
        card.setMaxWidth(Double.MAX_VALUE);
        return card;
    }

    public static Button button(String text, Ikon icon, Runnable action) {
        Button button = new Button(text, new FontIcon(icon));
        button.setOnAction(e -> action.run());
        return button;
    }

    /** A flat icon-only button with a tooltip (copy, reveal, ...). */
    public static Button iconButton(Ikon icon, String tooltip, Runnable action) {
        Button button = new Button(null, new FontIcon(icon));
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        button.setTooltip(new Tooltip(tooltip));
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
     * A message box whose description follows {@code text}, shown only while the text is not empty.
     *
     * @param style an AtlantaFX colour style ({@link Styles#DANGER}, {@link Styles#WARNING}, ...)
     */
    public static Message message(String id, String style, Ikon icon, String title, ObservableStringValue text) {
        Message message = new Message(title, "", new FontIcon(icon));
        message.setId(id);
        message.getStyleClass().add(style);
        message.descriptionProperty().bind(text);
        return showWhen(message, Bindings.isNotEmpty(text));
    }

    /**
     * A failed action: its short title (a Label that does not wrap), then the message and its hint in the wrapping
     * description; shown only while there is a message.
     */
    public static Message failure(String id, ObservableStringValue title, ObservableStringValue message,
                                  ObservableStringValue hint) {
        Message box = message(id, Styles.DANGER, Feather.ALERT_OCTAGON, "", message);
        box.titleProperty().bind(title);
        box.descriptionProperty().bind(withHint(message, hint));
        return box;
    }

    /** A message and, on the next line, its hint (when there is one). */
    public static StringBinding withHint(ObservableStringValue message, ObservableStringValue hint) {
        return Bindings.createStringBinding(() -> message.get()
                + (hint.get().isEmpty() ? "" : "\nHint: " + hint.get()), message, hint);
    }

    /** Shown and laid out only while {@code visible} holds. */
    public static <T extends Node> T showWhen(T node, ObservableValue<Boolean> visible) {
        node.visibleProperty().bind(visible);
        node.managedProperty().bind(node.visibleProperty());
        return node;
    }
}
