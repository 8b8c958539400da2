package io.colimaservices.ui.common;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableValue;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** An AtlantaFX {@link Message} that shows a page's current {@link Notice}, and hides while there is none. */
public final class MessageArea {
    private MessageArea() {
    }

    /**
     * @param dismiss called when the user closes the message; null for a message that cannot be closed
     */
    public static Message bound(ObservableValue<Notice> notice, Runnable dismiss) {
        Message message = new Message();
        message.setMaxWidth(Double.MAX_VALUE);
        if (dismiss != null) {
            message.setOnClose(e -> dismiss.run());
        }
        show(message, notice.getValue());
        notice.addListener((o, before, now) -> show(message, now));
        return message;
    }

    private static void show(Message message, Notice notice) {
        message.setVisible(notice != null);
        message.setManaged(notice != null);
        message.getStyleClass().removeAll(Styles.ACCENT, Styles.SUCCESS, Styles.WARNING, Styles.DANGER);
        if (notice == null) {
            message.setTitle(null);
            message.setDescription(null);
            return;
        }
        message.getStyleClass().add(switch (notice.tone()) {
            case INFO -> Styles.ACCENT;
            case SUCCESS -> Styles.SUCCESS;
            case WARNING -> Styles.WARNING;
            case DANGER -> Styles.DANGER;
        });
        message.setGraphic(new FontIcon(switch (notice.tone()) {
            case INFO -> Feather.INFO;
            case SUCCESS -> Feather.CHECK_CIRCLE;
            case WARNING -> Feather.ALERT_TRIANGLE;
            case DANGER -> Feather.ALERT_OCTAGON;
        }));
        message.setTitle(notice.title());
        message.setDescription(notice.detail().isEmpty() ? null : notice.detail());
    }
}
