package io.colimaservices.ui.dashboard;

import javafx.css.PseudoClass;
import org.controlsfx.control.NotificationPane;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The services page's message area: the last action's failure (until its subject moves on or the user closes it),
 * else which services run a stale definition, in a ControlsFX {@link NotificationPane} over the table. It slides over
 * the rows instead of pushing them down, so a button does not move under the pointer when a message comes or goes.
 */
final class DashboardNotices {
    /** Set while the pane shows a failure (app.css colours it as one). */
    static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private DashboardNotices() {
    }

    /** Binds {@code notices} (the layout's pane over the table) to the model's failure and stale notice. */
    static void bind(NotificationPane notices, DashboardViewModel model) {
        Runnable update = () -> {
            if (notices.getSkin() == null) {
                // Its skin slides the bar in only when "showing" changes after it exists: wait for it.
                return;
            }
            String failed = model.failureProperty().get();
            String text = failed.isEmpty() ? model.stale().noticeProperty().get() : failed;
            notices.pseudoClassStateChanged(FAILED, !failed.isEmpty());
            if (text.isEmpty()) {
                notices.hide();
            } else {
                notices.show(text, new FontIcon(failed.isEmpty() ? Feather.ALERT_TRIANGLE : Feather.X_OCTAGON));
            }
        };
        model.failureProperty().addListener((o, was, now) -> update.run());
        model.stale().noticeProperty().addListener((o, was, now) -> update.run());
        notices.skinProperty().addListener((o, was, now) -> update.run());
        // Its close button: a failure closed by the user is dismissed (the stale notice, if any, then shows).
        notices.showingProperty().addListener((o, was, now) -> {
            if (!now && !model.failureProperty().get().isEmpty()) {
                model.dismissFailure();
            }
        });
    }
}
