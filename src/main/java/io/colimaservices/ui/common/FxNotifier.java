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
        Platform.runLater(() -> {
            Notification card = new Notification(notice.title() + (notice.detail().isEmpty() ? ""
                    : "\n" + notice.detail()), new FontIcon(notice.tone() == Notice.Tone.DANGER ? Feather.ALERT_OCTAGON
                    : Feather.INFO));
            card.getStyleClass().add(MessageArea.toneClass(notice.tone()));
            present(card, new Stage(StageStyle.TRANSPARENT), notice.title());
        });
    }

    private void showNow(Alert alert) {
        Notification card = new Notification(alert.title() + "\n" + alert.message(),
                new FontIcon(alert.kind() == Alert.Kind.UNHEALTHY ? Feather.ALERT_TRIANGLE : Feather.ALERT_OCTAGON));
        card.getStyleClass().add(alert.kind() == Alert.Kind.UNHEALTHY ? Styles.WARNING : Styles.DANGER);
        Stage stage = new Stage(StageStyle.TRANSPARENT);
        Button logs = new Button("View logs");
        logs.setOnAction(e -> {
            close(stage);
            viewLogs.accept(alert.service());
        });
        Button again = new Button("Restart");
        again.setOnAction(e -> {
            close(stage);
            restart.accept(alert.service());
        });
        card.setPrimaryActions(logs, again);
        present(card, stage, alert.title());
    }

    private void present(Notification card, Stage stage, String title) {
        card.getStyleClass().add(Styles.ELEVATED_1);
        card.setPrefWidth(WIDTH);
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
