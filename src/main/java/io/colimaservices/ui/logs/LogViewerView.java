package io.colimaservices.ui.logs;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The log viewer: a virtualized list (never a text area) fed once per frame. Follow keeps the newest line in view
 * and pauses when you scroll up; scrolling back to the bottom resumes it.
 */
public final class LogViewerView {
    private final LogViewerViewModel model;
    private final ObservableBooleanValue dark;
    private final BorderPane root = new BorderPane();
    private final ListView<LogRow> list = new ListView<>();
    private final Label status = new Label();
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
        build();
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

    private void build() {
        list.setId("log-list");
        list.setItems(model.rows());
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(l -> new LogCell(model, dark, list));
        // One line per row unless wrapping: a fixed height spares the list measuring rows as they scroll by.
        list.fixedCellSizeProperty().bind(Bindings.when(model.wrapProperty()).then(-1.0)
                .otherwise(LogCell.LINE_HEIGHT));
        list.getStyleClass().addAll("log-list", Styles.DENSE);
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

        root.setTop(toolbar());
        root.setCenter(list);
        root.setBottom(statusBar());
    }

    private Node toolbar() {
        Label title = new Label();
        title.textProperty().bind(model.titleProperty());
        title.getStyleClass().add(Styles.TITLE_4);

        CustomTextField search = new CustomTextField();
        search.setId("log-search");
        search.setPromptText("Search");
        search.setLeft(new FontIcon(Feather.SEARCH));
        search.setPrefWidth(240);
        search.setMinWidth(120);
        search.textProperty().bindBidirectional(model.queryProperty());
        search.setOnAction(e -> jump(true));
        model.searchErrorProperty().addListener((o, a, error) -> {
            search.pseudoClassStateChanged(Styles.STATE_DANGER, !error.isEmpty());
            search.setTooltip(error.isEmpty() ? null : new Tooltip(error));
        });

        ToggleButton regex = toggle(".*", "Regular expression", model.regexProperty());
        regex.setId("log-regex");
        ToggleButton only = toggle(null, "Show only matching lines", model.onlyMatchingProperty());
        only.setGraphic(new FontIcon(Feather.FILTER));
        only.setId("log-only-matching");
        Button previous = iconButton(Feather.CHEVRON_UP, "Previous match", () -> jump(false));
        Button next = iconButton(Feather.CHEVRON_DOWN, "Next match (Enter)", () -> jump(true));

        ChoiceBox<StreamFilter> streams = new ChoiceBox<>();
        streams.setId("log-streams");
        streams.getItems().setAll(StreamFilter.values());
        streams.valueProperty().bindBidirectional(model.streamsProperty());

        ToggleButton timestamps = toggle(null, "Show timestamps", model.timestampsProperty());
        timestamps.setGraphic(new FontIcon(Feather.CLOCK));
        timestamps.setId("log-timestamps");
        ToggleButton wrap = toggle(null, "Wrap long lines", model.wrapProperty());
        wrap.setGraphic(new FontIcon(Feather.CORNER_DOWN_LEFT));
        wrap.setId("log-wrap");
        ToggleButton follow = toggle("Follow", "Keep the newest line in view", model.followProperty());
        follow.setId("log-follow");
        follow.setGraphic(new FontIcon(Feather.ARROW_DOWN_CIRCLE));
        follow.setMinWidth(Region.USE_PREF_SIZE);
        streams.setPrefWidth(150);
        streams.setMinWidth(Region.USE_PREF_SIZE);
        model.followProperty().addListener((o, a, on) -> {
            if (on) {
                scrollToEnd();
            }
        });

        Button copy = iconButton(Feather.COPY, "Copy the selected lines", this::copySelection);
        Button export = iconButton(Feather.DOWNLOAD, "Export the shown lines to a file", this::export);

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox.setHgrow(search, Priority.SOMETIMES);
        HBox bar = new HBox(6, search, regex, only, previous, next, sep(), streams, timestamps, wrap, follow, grow,
                copy, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        title.setPadding(new Insets(0, 0, 0, 2));
        VBox top = new VBox(6, title, bar);
        top.setPadding(new Insets(8, 10, 8, 10));
        return top;
    }

    private Node statusBar() {
        status.setId("log-status");
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
        status.getStyleClass().add(Styles.TEXT_MUTED);
        HBox bar = new HBox(status);
        bar.setPadding(new Insets(4, 10, 6, 10));
        return bar;
    }

    private static Separator sep() {
        return new Separator(Orientation.VERTICAL);
    }

    private static ToggleButton toggle(String text, String tip, javafx.beans.property.BooleanProperty property) {
        ToggleButton button = new ToggleButton(text);
        button.setTooltip(new Tooltip(tip));
        button.selectedProperty().bindBidirectional(property);
        return button;
    }

    private static Button iconButton(Feather icon, String tip, Runnable action) {
        Button button = new Button(null, new FontIcon(icon));
        button.getStyleClass().add(Styles.BUTTON_ICON);
        button.setTooltip(new Tooltip(tip));
        button.setOnAction(e -> action.run());
        return button;
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
