package io.colimaservices.ui.common;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
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

    /**
     * A failed action: its short title, then the message and its hint; shown only while there is a message.
     */
    public static HBox failure(String id, ObservableStringValue title, ObservableStringValue message,
                               ObservableStringValue hint) {
        StringBinding detail = withHint(message, hint);
        return message(id, Bindings.createObjectBinding(
                () -> message.get().isEmpty() ? null : Notice.danger(title.get(), detail.get()), title, detail));
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
