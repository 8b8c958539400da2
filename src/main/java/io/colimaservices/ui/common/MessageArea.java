package io.colimaservices.ui.common;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A page's message area: the current {@link Notice} in AtlantaFX's message look (its tone colours: accent, success,
 * warning, danger; see {@code secrets.css}), hidden while there is none. Built from labels rather than AtlantaFX's
 * {@code Message}, whose skin measures its height from the previous layout pass, so a long wrapped description
 * spilled over its neighbours until the next one; and which reads its description as BBCode, which a message
 * quoting brackets must not be.
 */
public final class MessageArea {
    private MessageArea() {
    }

    /**
     * @param id      the area's node id; its parts are {@code <id>-title}, {@code <id>-detail}, {@code <id>-close}
     * @param dismiss called when the user closes the message; null for a message that cannot be closed
     */
    public static HBox bound(String id, ObservableValue<Notice> notice, Runnable dismiss) {
        FontIcon icon = new FontIcon(Feather.INFO);
        Label title = new Label();
        title.getStyleClass().add("notice-title");
        title.setWrapText(true);
        title.setId(id + "-title");
        Label detail = new Label();
        detail.getStyleClass().add("notice-detail");
        detail.setWrapText(true);
        detail.setId(id + "-detail");
        detail.managedProperty().bind(detail.visibleProperty());
        VBox text = new VBox(4, title, detail);
        text.setMinHeight(VBox.USE_PREF_SIZE);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox box = new HBox(12, icon, text);
        box.getStyleClass().add("notice");
        box.setAlignment(Pos.TOP_LEFT);
        box.setId(id);
        if (dismiss != null) {
            Button close = new Button(null, new FontIcon(Feather.X));
            close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, "notice-close");
            close.setAccessibleText("Dismiss");
            close.setOnAction(e -> dismiss.run());
            close.setId(id + "-close");
            box.getChildren().add(close);
        }
        Runnable show = () -> {
            Notice n = notice.getValue();
            box.setVisible(n != null);
            box.setManaged(n != null);
            box.getStyleClass().removeAll(Styles.ACCENT, Styles.SUCCESS, Styles.WARNING, Styles.DANGER);
            if (n == null) {
                title.setText("");
                detail.setText("");
                return;
            }
            box.getStyleClass().add(toneClass(n.tone()));
            icon.setIconCode(switch (n.tone()) {
                case INFO -> Feather.INFO;
                case SUCCESS -> Feather.CHECK_CIRCLE;
                case WARNING -> Feather.ALERT_TRIANGLE;
                case DANGER -> Feather.ALERT_OCTAGON;
            });
            title.setText(n.title());
            detail.setText(n.detail());
            detail.setVisible(!n.detail().isEmpty());
        };
        notice.addListener((o, before, now) -> show.run());
        show.run();
        return box;
    }

    /** The AtlantaFX style class of a tone. */
    public static String toneClass(Notice.Tone tone) {
        return switch (tone) {
            case INFO -> Styles.ACCENT;
            case SUCCESS -> Styles.SUCCESS;
            case WARNING -> Styles.WARNING;
            case DANGER -> Styles.DANGER;
        };
    }
}
