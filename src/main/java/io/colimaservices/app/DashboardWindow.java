package io.colimaservices.app;

import io.colimaservices.domain.StackStore;
import io.colimaservices.domain.LatestValueRelay;
import io.colimaservices.ui.common.UiExecutors;
import io.colimaservices.ui.dashboard.DashboardView;
import io.colimaservices.ui.dashboard.DashboardViewModel;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.time.Clock;
import java.util.Objects;

/** The dashboard window, built on first open and reused after. */
final class DashboardWindow {
    private final StackStore store;
    private final Runnable onCloseWithoutTray;
    private final boolean hasTray;
    private Stage stage;

    DashboardWindow(StackStore store, boolean hasTray, Runnable onCloseWithoutTray) {
        this.store = store;
        this.hasTray = hasTray;
        this.onCloseWithoutTray = onCloseWithoutTray;
    }

    /** Shows (building if needed) and brings the window to the front. FX thread only. */
    void show() {
        if (stage == null) {
            stage = build();
        }
        stage.show();
        stage.toFront();
    }

    boolean isShowing() {
        return stage != null && stage.isShowing();
    }

    private Stage build() {
        DashboardViewModel model = new DashboardViewModel(UiExecutors.fx(), Clock.systemDefaultZone());
        DashboardView view = new DashboardView(model);
        LatestValueRelay<io.colimaservices.domain.StackSnapshot> relay =
                new LatestValueRelay<>(UiExecutors.fx(), model::show);
        store.subscribe(relay);
        model.show(store.current());

        Scene scene = new Scene(view.root(), 900, 620);
        scene.getStylesheets().add(Objects.requireNonNull(
                DashboardWindow.class.getResource("/io/colimaservices/ui/app.css")).toExternalForm());
        Stage window = new Stage();
        window.setTitle("Colima Services");
        window.setScene(scene);
        if (!hasTray) {
            // Without a tray the window is the only way back into the app: closing it quits.
            window.setOnHidden(e -> onCloseWithoutTray.run());
        }
        return window;
    }
}
