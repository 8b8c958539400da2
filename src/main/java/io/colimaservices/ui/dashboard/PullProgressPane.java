package io.colimaservices.ui.dashboard;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The dashboard's pull progress: a bar, one line per image, the total with its estimate, and Cancel; shown while a
 * pull is under way, redrawn four times a second from the run's view.
 */
final class PullProgressPane extends VBox {
    private static final Duration PULSE = Duration.millis(250);

    PullProgressPane(PullProgressViewModel model) {
        super(4);
        setId("pulls");
        ProgressBar bar = new ProgressBar();
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(model.fractionProperty());
        HBox.setHgrow(bar, Priority.ALWAYS);
        Button cancel = new Button("Cancel");
        cancel.setId("pull-cancel");
        cancel.disableProperty().bind(model.cancelledProperty());
        cancel.setOnAction(e -> model.cancel());
        HBox top = new HBox(8, new Label("Pulling images"), bar, cancel);
        top.setAlignment(Pos.CENTER_LEFT);
        ListView<String> images = new ListView<>(model.images());
        images.setId("pull-images");
        images.setPrefHeight(110);
        Label total = new Label();
        total.setId("pull-total");
        total.textProperty().bind(model.totalProperty());
        getChildren().addAll(top, images, total);
        visibleProperty().bind(model.activeProperty());
        managedProperty().bind(visibleProperty());

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
}
