package io.colimaservices.ui.logs;

import atlantafx.base.theme.Styles;
import io.colimaservices.ui.common.Section;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

import java.util.List;
import java.util.function.Supplier;

/**
 * The logs page: pick one or several services (several merge by time), read them in the viewer. Streams run only
 * while the page is on screen.
 */
public final class LogsSection implements Section {
    private final LogViewerViewModel model;
    private final Supplier<List<String>> services;
    private final ObservableBooleanValue dark;
    private final ListView<String> picker = new ListView<>();
    private LogViewerView view;
    private boolean visible;
    private boolean choosing;

    public LogsSection(LogViewerViewModel model, Supplier<List<String>> services, ObservableBooleanValue dark) {
        this.model = model;
        this.services = services;
        this.dark = dark;
    }

    public LogViewerViewModel model() {
        return model;
    }

    @Override
    public String id() {
        return "logs";
    }

    @Override
    public String title() {
        return "Logs";
    }

    @Override
    public Ikon icon() {
        return Feather.FILE_TEXT;
    }

    @Override
    public Node build() {
        view = new LogViewerView(model, dark);
        picker.setId("log-services");
        picker.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        picker.getStyleClass().add(Styles.DENSE);
        picker.getItems().setAll(services.get());
        picker.getSelectionModel().getSelectedItems().addListener((ListChangeListener<String>) c -> {
            if (!choosing) {
                reopen();
            }
        });
        Label hint = new Label("Services");
        hint.setTooltip(new javafx.scene.control.Tooltip("Cmd-click (Ctrl-click) to merge several by time"));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        VBox left = new VBox(6, hint, picker);
        VBox.setVgrow(picker, Priority.ALWAYS);
        left.setPadding(new Insets(10, 6, 10, 10));
        left.setPrefWidth(170);
        BorderPane page = new BorderPane(view.root());
        page.setLeft(left);
        return page;
    }

    /** Shows these services' logs (from a "View logs" action). Call after {@link #build()}. */
    public void select(List<String> wanted) {
        choosing = true;
        picker.getItems().setAll(services.get());
        picker.getSelectionModel().clearSelection();
        wanted.forEach(s -> picker.getSelectionModel().select(s));
        choosing = false;
        reopen();
    }

    private void reopen() {
        List<String> chosen = List.copyOf(picker.getSelectionModel().getSelectedItems());
        if (!visible || chosen.isEmpty()) {
            model.close();
            return;
        }
        if (!chosen.equals(model.services()) || !model.isOpen()) {
            model.open(chosen);
        }
    }

    @Override
    public void shown() {
        visible = true;
        if (!picker.getItems().equals(services.get())) {
            choosing = true;
            List<String> keep = List.copyOf(picker.getSelectionModel().getSelectedItems());
            picker.getItems().setAll(services.get());
            keep.forEach(s -> picker.getSelectionModel().select(s));
            choosing = false;
        }
        view.start();
        reopen();
    }

    @Override
    public void hidden() {
        visible = false;
        view.stop();
        model.close();
    }
}
