package io.colimaservices.ui.common;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import io.colimaservices.domain.Alert;
import io.colimaservices.domain.Notifier;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Shows alerts as small cards at the top right of the screen, near the menu-bar icon, each with "View logs" and
 * "Restart". They stack, and go after a while on their own.
 */
public final class FxNotifier implements Notifier {
    private static final Duration SHOWN_FOR = Duration.seconds(15);
    private static final double WIDTH = 380;

    private final Consumer<String> viewLogs;
    private final Consumer<String> restart;
    private final List<Stage> open = new ArrayList<>();

    public FxNotifier(Consumer<String> viewLogs, Consumer<String> restart) {
        this.viewLogs = viewLogs;
        this.restart = restart;
    }

    @Override
    public void show(Alert alert) {
        Platform.runLater(() -> showNow(alert));
    }

    /** A notice (an action's failure while the window is closed) as a card with its title and detail. */
    public void show(Notice notice) {
        Platform.runLater(() -> card(notice.title() + (notice.detail().isEmpty() ? "" : "\n" + notice.detail()),
                notice.tone() == Notice.Tone.DANGER ? Feather.ALERT_OCTAGON : Feather.INFO,
                MessageArea.toneClass(notice.tone()), notice.title(), List.of()));
    }

    /**
     * A certificate or the CA entered its warning window (issue 21): the notice's words, and "Renew" when a
     * service's certificate can be renewed ({@code renew} gets the service).
     */
    public void showExpiry(io.colimaservices.domain.ExpiryNotices.Notice notice, Consumer<String> renew) {
        Platform.runLater(() -> {
            boolean warn = notice.expiry().level() == io.colimaservices.domain.CertificateExpiry.Level.WARN;
            List<Button> actions = new ArrayList<>();
            Stage[] holder = new Stage[1];
            notice.renewService().ifPresent(service -> {
                Button button = new Button("Renew");
                button.setOnAction(e -> {
                    close(holder[0]);
                    renew.accept(service);
                });
                actions.add(button);
            });
            holder[0] = card("Certificate expiry\n" + notice.text(), warn ? Feather.ALERT_TRIANGLE : Feather.ALERT_OCTAGON,
                    warn ? Styles.WARNING : Styles.DANGER, "Certificate expiry", actions);
        });
    }

    private void showNow(Alert alert) {
        Stage[] holder = new Stage[1];
        Button logs = new Button("View logs");
        logs.setOnAction(e -> {
            close(holder[0]);
            viewLogs.accept(alert.service());
        });
        Button again = new Button("Restart");
        again.setOnAction(e -> {
            close(holder[0]);
            restart.accept(alert.service());
        });
        boolean unhealthy = alert.kind() == Alert.Kind.UNHEALTHY;
        holder[0] = card(alert.title() + "\n" + alert.message(), unhealthy ? Feather.ALERT_TRIANGLE
                : Feather.ALERT_OCTAGON, unhealthy ? Styles.WARNING : Styles.DANGER, alert.title(), List.of(logs, again));
    }

    private Stage card(String text, Feather icon, String tone, String title, List<Button> actions) {
        Notification card = new Notification(text, new FontIcon(icon));
        card.getStyleClass().addAll(Styles.ELEVATED_1, tone);
        card.setPrefWidth(WIDTH);
        Stage stage = new Stage(StageStyle.TRANSPARENT);
        card.setPrimaryActions(actions.toArray(Button[]::new));
        card.setOnClose(e -> close(stage));
        StackPane pane = new StackPane(card);
        pane.setPadding(new Insets(8));
        pane.setStyle("-fx-background-color: transparent;");
        Scene scene = new Scene(pane, Color.TRANSPARENT);
        stage.setScene(scene);
        stage.setAlwaysOnTop(true);
        stage.setTitle(title);
        stage.show();
        open.add(stage);
        place();
        PauseTransition timeout = new PauseTransition(SHOWN_FOR);
        timeout.setOnFinished(e -> close(stage));
        timeout.play();
        return stage;
    }

    private void close(Stage stage) {
        if (open.remove(stage)) {
            stage.close();
            place();
        }
    }

    /** Newest at the top, the others below it. */
    private void place() {
        Rectangle2D bounds = Screen.getPrimary().getVisualBounds();
        double y = bounds.getMinY() + 8;
        for (int i = open.size() - 1; i >= 0; i--) {
            Stage stage = open.get(i);
            stage.setX(bounds.getMaxX() - stage.getWidth() - 8);
            stage.setY(y);
            y += stage.getHeight();
        }
    }
}
