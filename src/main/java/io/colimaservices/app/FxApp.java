package io.colimaservices.app;

import io.colimaservices.domain.EngineWatcher;
import io.colimaservices.domain.LatestValueRelay;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.StackStore;
import io.colimaservices.settings.AppDirectories;
import io.colimaservices.tray.AwtTrayAdapter;
import io.colimaservices.tray.MenuCommands;
import io.colimaservices.tray.TrayMenuBuilder;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.EventQueue;

/** The JavaFX application: wires the store, the watcher, the tray and the dashboard. */
public final class FxApp extends Application implements MenuCommands {
    private static final Logger LOG = LoggerFactory.getLogger(FxApp.class);

    private AppContext context;
    private StackStore store;
    private EngineWatcher watcher;
    private AwtTrayAdapter tray;
    private DashboardWindow dashboard;

    @Override
    public void start(Stage ignored) {
        LogFiles.addAppLog(AppDirectories.forCurrentUser().logs());
        Platform.setImplicitExit(false);
        Theme.followSystem();

        LaunchOptions options = DesktopApp.options();
        context = new AppContext(options);
        AppContext.CatalogResult catalog = context.catalogOrError();
        catalog.error().ifPresent(e -> LOG.warn("compose file problem: {}", e));
        store = new StackStore(StackSnapshot.initial(context.projectName(), catalog.catalog(), catalog.error(),
                context.dockerHost().display(), "http://127.0.0.1:8200", "default"));

        boolean hasTray = AwtTrayAdapter.isSupported();
        dashboard = new DashboardWindow(store, hasTray, this::quit);
        if (hasTray) {
            installTray();
        } else {
            LOG.info("no system tray on this desktop: showing the dashboard instead");
            dashboard.show();
        }
        watcher = new EngineWatcher(context.engine(), store);
        watcher.start();
        store.subscribe(snapshot -> {
            if (snapshot.engine().reachable()) {
                LOG.debug("snapshot: {} services, health {}", snapshot.services().size(), snapshot.health());
            }
        });
        LOG.info("started: compose file {}, Docker host {}", context.composeFile(), context.dockerHost().display());
    }

    private void installTray() {
        tray = new AwtTrayAdapter();
        TrayMenuBuilder menu = new TrayMenuBuilder(this);
        StackSnapshot first = store.current();
        tray.install(first.health(), menu.build(first), this::openDashboard);
        LatestValueRelay<StackSnapshot> relay = new LatestValueRelay<>(EventQueue::invokeLater,
                s -> tray.show(s.health(), menu.build(s), "Colima Services: " + TrayMenuBuilder.headline(s)));
        store.subscribe(relay);
    }

    @Override
    public void openDashboard() {
        Platform.runLater(dashboard::show);
    }

    @Override
    public void quit() {
        LOG.info("quitting");
        if (watcher != null) {
            watcher.close();
        }
        if (tray != null) {
            tray.close();
        }
        if (context != null) {
            context.close();
        }
        Platform.exit();
    }
}
