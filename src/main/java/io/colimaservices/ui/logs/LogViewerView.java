package io.colimaservices.ui.logs;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import io.colimaservices.ui.common.Fxml;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The log viewer: a virtualized list (never a text area) fed once per frame. Follow keeps the newest line in view
 * and pauses when you scroll up; scrolling back to the bottom resumes it. The layout is {@code LogViewerView.fxml}
 * (this class is its controller); the cells are built here.
 */
public final class LogViewerView {
    private final LogViewerViewModel model;
    private final ObservableBooleanValue dark;
    @FXML
    private BorderPane root;
    @FXML
    private Label title;
    @FXML
    private CustomTextField search;
    @FXML
    private ToggleButton regex;
    @FXML
    private ToggleButton onlyMatching;
    @FXML
    private Button previous;
    @FXML
    private Button next;
    @FXML
    private ChoiceBox<StreamFilter> streams;
    @FXML
    private ToggleButton timestamps;
    @FXML
    private ToggleButton wrap;
    @FXML
    private ToggleButton follow;
    @FXML
    private Button copy;
    @FXML
    private Button export;
    @FXML
    private ListView<LogRow> list;
    @FXML
    private Label status;
    private LongConsumer frameObserver = now -> { };
    private boolean scrollingToEnd;
    private final PullPacer pacer = new PullPacer();

    private final AnimationTimer perFrame = new AnimationTimer() {
        @Override
        public void handle(long now) {
            frameObserver.accept(now);
            if (!pacer.due(now)) {
                return;
            }
            int added = model.pull();
            pacer.pulled(now, added);
            if (added > 0 && model.followProperty().get()) {
                scrollToEnd();
            }
        }
    };

    public LogViewerView(LogViewerViewModel model, ObservableBooleanValue dark) {
        this.model = model;
        this.dark = dark;
        Fxml.load(this);
        bind();
    }

    public Parent root() {
        return root;
    }

    /** Starts draining the model every frame; call when the viewer is shown. */
    public void start() {
        perFrame.start();
    }

    /** Stops draining (and the model's streams should be closed by the owner). */
    public void stop() {
        perFrame.stop();
    }

    /** For the pulse benchmark: called with each frame's timestamp. */
    public void onFrame(LongConsumer observer) {
        this.frameObserver = observer;
    }

    private void bind() {
        list.setItems(model.rows());
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(l -> new LogCell(model, dark, list));
        // One line per row unless wrapping: a fixed height spares the list measuring rows as they scroll by.
        list.fixedCellSizeProperty().bind(Bindings.when(model.wrapProperty()).then(-1.0)
                .otherwise(LogCell.LINE_HEIGHT));
        list.setOnKeyPressed(e -> {
            if (new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN).match(e)) {
                copySelection();
                e.consume();
            }
        });
        list.skinProperty().addListener((o, a, skin) -> watchScrolling());
        model.timestampsProperty().addListener((o, a, b) -> list.refresh());
        model.wrapProperty().addListener((o, a, b) -> list.refresh());
        model.searchProperty().addListener((o, a, b) -> list.refresh());
        bindToolbar();
        bindStatus();
    }

    private void bindToolbar() {
        title.textProperty().bind(model.titleProperty());
        search.textProperty().bindBidirectional(model.queryProperty());
        search.setOnAction(e -> jump(true));
        model.searchErrorProperty().addListener((o, a, error) -> {
            search.pseudoClassStateChanged(Styles.STATE_DANGER, !error.isEmpty());
            search.setTooltip(error.isEmpty() ? null : new Tooltip(error));
        });
        regex.selectedProperty().bindBidirectional(model.regexProperty());
        onlyMatching.selectedProperty().bindBidirectional(model.onlyMatchingProperty());
        previous.setOnAction(e -> jump(false));
        next.setOnAction(e -> jump(true));
        streams.getItems().setAll(StreamFilter.values());
        streams.valueProperty().bindBidirectional(model.streamsProperty());
        timestamps.selectedProperty().bindBidirectional(model.timestampsProperty());
        wrap.selectedProperty().bindBidirectional(model.wrapProperty());
        follow.selectedProperty().bindBidirectional(model.followProperty());
        model.followProperty().addListener((o, a, on) -> {
            if (on) {
                scrollToEnd();
            }
        });
        copy.setOnAction(e -> copySelection());
        export.setOnAction(e -> export());
    }

    private void bindStatus() {
        status.textProperty().bind(Bindings.createStringBinding(() -> {
            String text = String.format("%,d lines", model.rows().size());
            if (!model.searchProperty().get().isEmpty()) {
                text += String.format(", %,d matching", model.matchesProperty().get());
            }
            if (model.droppedProperty().get() > 0) {
                text += String.format(", %,d dropped (too fast to keep)", model.droppedProperty().get());
            }
            return model.followProperty().get() ? text : text + ", follow paused";
        }, model.rows(), model.matchesProperty(), model.droppedProperty(), model.followProperty(),
                model.searchProperty()));
    }

    private void jump(boolean forward) {
        int from = list.getSelectionModel().getSelectedIndex();
        if (from < 0) {
            from = forward ? -1 : model.rows().size();
        }
        int index = model.findMatch(from, forward);
        if (index >= 0) {
            model.followProperty().set(false);
            list.getSelectionModel().clearAndSelect(index);
            list.scrollTo(Math.max(0, index - 3));
        }
    }

    private void copySelection() {
        List<LogRow> selected = List.copyOf(list.getSelectionModel().getSelectedItems());
        if (selected.isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(model.asText(selected));
        Clipboard.getSystemClipboard().setContent(content);
    }

    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export log");
        chooser.setInitialFileName(String.join("-", model.services()) + ".log");
        java.io.File file = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (file == null) {
            return;
        }
        try {
            int rows = model.export(Path.of(file.toURI()));
            status.textProperty().unbind();
            status.setText(String.format("exported %,d lines to %s", rows, file));
        } catch (IOException e) {
            status.textProperty().unbind();
            status.setText("export failed: " + e.getMessage());
        }
    }

    private void scrollToEnd() {
        int last = model.rows().size() - 1;
        if (last >= 0) {
            scrollingToEnd = true;
            list.scrollTo(last);
            scrollingToEnd = false;
        }
    }

    /** Scrolling up by hand pauses follow; reaching the bottom again resumes it. */
    private void watchScrolling() {
        for (Node node : list.lookupAll(".scroll-bar")) {
            if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) {
                bar.valueProperty().addListener((o, before, now) -> {
                    if (scrollingToEnd) {
                        return;
                    }
                    boolean atEnd = now.doubleValue() >= bar.getMax() - 1e-3;
                    if (now.doubleValue() < before.doubleValue() && !atEnd) {
                        model.followProperty().set(false);
                    } else if (atEnd && !model.followProperty().get()) {
                        model.followProperty().set(true);
                    }
                });
            }
        }
    }
}
