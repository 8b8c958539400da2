package io.colimaservices.ui.dashboard;

import io.colimaservices.ui.common.Fxml;
import io.colimaservices.ui.common.PageParts;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The services page's pull progress, laid out in {@code PullProgressView.fxml} (this class is its controller): a
 * bar, one line per image, the total with its estimate, and Cancel; shown while a pull is under way, redrawn four
 * times a second from the run's view.
 */
final class PullProgressView {
    private static final Duration PULSE = Duration.millis(250);

    private final PullProgressViewModel model;

    @FXML private VBox root;
    @FXML private ProgressBar bar;
    @FXML private Button cancel;
    @FXML private ListView<String> images;
    @FXML private Label total;

    PullProgressView(PullProgressViewModel model) {
        this.model = model;
        Fxml.load(this);
        bar.progressProperty().bind(model.fractionProperty());
        cancel.disableProperty().bind(model.cancelledProperty());
        images.setItems(model.images());
        total.textProperty().bind(model.totalProperty());
        PageParts.showWhen(root, model.activeProperty());

        Timeline pulse = new Timeline(new KeyFrame(PULSE, e -> model.refresh()));
        pulse.setCycleCount(Timeline.INDEFINITE);
        model.activeProperty().addListener((o, was, now) -> {
            if (now) {
                pulse.play();
            } else {
                pulse.stop();
            }
        });
    }

    VBox root() {
        return root;
    }

    @FXML
    private void cancel() {
        model.cancel();
    }
}
