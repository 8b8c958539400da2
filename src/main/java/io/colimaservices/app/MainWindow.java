package io.colimaservices.app;

import io.colimaservices.domain.StackStore;
import io.colimaservices.ui.common.Section;
import io.colimaservices.ui.common.UiExecutors;
import io.colimaservices.ui.shell.MainView;
import io.colimaservices.ui.shell.StatusStrip;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/** The dashboard window: built on first open, hidden (not destroyed) on close when the tray is there. */
final class MainWindow {
    private final StackStore store;
    private final Supplier<List<Section>> sections;
    private final boolean hasTray;
    private final Runnable quit;
    private Stage stage;
    private MainView view;

    MainWindow(StackStore store, Supplier<List<Section>> sections, boolean hasTray, Runnable quit) {
        this.store = store;
        this.sections = sections;
        this.hasTray = hasTray;
        this.quit = quit;
    }

    /** Shows the window (building it the first time) on the given section, or the current one when null. */
    void show(String sectionId) {
        if (stage == null) {
            stage = build();
        }
        if (sectionId != null) {
            view.show(sectionId);
        }
        stage.show();
        stage.toFront();
    }

    boolean isShowing() {
        return stage != null && stage.isShowing();
    }

    Stage stage() {
        return stage;
    }

    private Stage build() {
        StatusStrip strip = new StatusStrip();
        store.relay(UiExecutors.fx(), strip::show);
        view = new MainView(sections.get(), strip.root());
        Scene scene = new Scene(view.root(), 1180, 720);
        scene.getStylesheets().add(Objects.requireNonNull(
                MainWindow.class.getResource("/io/colimaservices/ui/app.css")).toExternalForm());
        Stage window = new Stage();
        window.setTitle("Colima Services");
        window.setScene(scene);
        window.setOnShown(e -> view.windowShowing(true));
        window.setOnHidden(e -> {
            view.windowShowing(false);
            if (!hasTray) {
                // Without a tray the window is the only way back into the app: closing it quits.
                quit.run();
            }
        });
        return window;
    }
}
