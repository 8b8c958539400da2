package io.colimaservices.app;

import io.colimaservices.domain.AlertPolicy;
import io.colimaservices.domain.EngineWatcher;
import io.colimaservices.domain.Notifier;
import io.colimaservices.domain.LatestValueRelay;
import io.colimaservices.domain.StackActions;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.StackStore;
import io.colimaservices.domain.StatsSampler;
import io.colimaservices.domain.UserError;
import io.colimaservices.settings.AppDirectories;
import io.colimaservices.tray.AwtTrayAdapter;
import io.colimaservices.tray.MenuCommands;
import io.colimaservices.tray.TrayMenuBuilder;
import io.colimaservices.ui.common.FxNotifier;
import io.colimaservices.ui.common.Section;
import io.colimaservices.ui.common.UiExecutors;
import io.colimaservices.ui.dashboard.DashboardCommands;
import io.colimaservices.ui.dashboard.DashboardViewModel;
import io.colimaservices.ui.dashboard.ServicesSection;
import io.colimaservices.ui.logs.LogViewerViewModel;
import io.colimaservices.ui.logs.LogsSection;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.EventQueue;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/** The JavaFX application: wires the store, the watchers, the tray and the dashboard window. */
public final class FxApp extends Application implements MenuCommands, DashboardCommands {
    private static final Logger LOG = LoggerFactory.getLogger(FxApp.class);

    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private AppContext context;
    private StackStore store;
    private EngineWatcher watcher;
    private VaultPoller vaultPoller;
    private StatsSampler sampler;
    private StackActions actions;
    private AwtTrayAdapter tray;
    private MainWindow window;
    private LogsSection logsSection;
    private DashboardViewModel dashboard;
    private ReadOnlyBooleanProperty dark;

    @Override
    public void start(Stage ignored) {
        LogFiles.addAppLog(AppDirectories.forCurrentUser().logs());
        Platform.setImplicitExit(false);
        dark = Theme.followSystem();

        LaunchOptions options = DesktopApp.options();
        context = new AppContext(options);
        AppContext.CatalogResult catalog = context.catalogOrError();
        catalog.error().ifPresent(e -> LOG.warn("compose file problem: {}", e));
        store = new StackStore(StackSnapshot.initial(context.projectName(), catalog.catalog(), catalog.error(),
                context.dockerHost().display(), options.vaultAddress(), "default"));
        context.useEngineRestarter(Optional.of(store));
        actions = context.stackActions(store);

        watcher = new EngineWatcher(context.engine(), store);
        vaultPoller = new VaultPoller(context.vaultWatcher(store), store);
        watcher.onEventApplied(vaultPoller::onEvent);

        dashboard = new DashboardViewModel(UiExecutors.fx(), background, actions, this, Clock.systemDefaultZone(),
                () -> StackActions.DEFAULT_TIMEOUT);
        store.subscribe(new LatestValueRelay<>(UiExecutors.fx(), dashboard::show));
        dashboard.show(store.current());
        sampler = new StatsSampler(context.engine(), store, dashboard::showUsage);

        watchForAlerts();

        boolean hasTray = AwtTrayAdapter.isSupported();
        window = new MainWindow(store, this::sections, hasTray, this::quit);
        if (hasTray) {
            installTray();
        } else {
            LOG.info("no system tray on this desktop: showing the dashboard instead");
        }
        watcher.start();
        if (!hasTray) {
            window.show(null);
        }
        LOG.info("started: compose file {}, Docker host {}", context.composeFile(), context.dockerHost().display());
    }

    /** Notifies when a service turns unhealthy, crashes or runs out of memory (not for our own stops). */
    private void watchForAlerts() {
        AlertPolicy policy = new AlertPolicy(context.stopLedger(), Clock.systemUTC());
        Notifier notifier = new FxNotifier(this::viewLogs, this::restartService);
        AtomicReference<StackSnapshot> previous = new AtomicReference<>(store.current());
        store.subscribe(next -> policy.changes(previous.getAndSet(next), next).forEach(alert -> {
            LOG.info("alert: {}", alert.title());
            notifier.show(alert);
        }));
    }

    private List<Section> sections() {
        List<Section> sections = new ArrayList<>();
        sections.add(new ServicesSection(dashboard, sampler::start, sampler::stop));
        LogViewerViewModel logs = new LogViewerViewModel(LogViewerViewModel.sessions(context.engine(),
                s -> store.current().status(s).containerId()));
        logsSection = new LogsSection(logs, () -> store.current().catalog().serviceNames(), dark);
        sections.add(logsSection);
        return sections;
    }

    private void installTray() {
        tray = new AwtTrayAdapter();
        TrayMenuBuilder menu = new TrayMenuBuilder(this);
        StackSnapshot first = store.current();
        tray.install(first.health(), menu.build(first), this::openDashboard);
        store.subscribe(new LatestValueRelay<>(EventQueue::invokeLater,
                s -> tray.show(s.health(), menu.build(s), "Colima Services: " + TrayMenuBuilder.headline(s))));
    }

    // Menu and dashboard commands: return at once, work on virtual threads, results through the store.

    @Override
    public void openDashboard() {
        Platform.runLater(() -> window.show(null));
    }

    @Override
    public void openSection(String section) {
        Platform.runLater(() -> window.show(section));
    }

    @Override
    public void startTarget(String target) {
        // Through the services page's model, so its progress line and failure report show the outcome.
        Platform.runLater(() -> dashboard.start(target));
    }

    @Override
    public void stopTarget(String target) {
        Platform.runLater(() -> dashboard.stop(target));
    }

    @Override
    public void restartService(String service) {
        Platform.runLater(() -> dashboard.restart(service));
    }

    @Override
    public void viewLogs(String service) {
        Platform.runLater(() -> {
            window.show("logs");
            logsSection.select(List.of(service));
        });
    }

    @Override
    public void openLogs(String service) {
        viewLogs(service);
    }

    @Override
    public void openUrl(String url) {
        getHostServices().showDocument(url);
    }

    @Override
    public void copyPlain(String text) {
        Platform.runLater(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        });
    }

    @Override
    public void copyConnectionString(String service) {
        openSection("credentials");
    }

    @Override
    public void copyPassword(String service) {
        openSection("credentials");
    }

    @Override
    public void setTls(String service, boolean enabled) {
        openSection("credentials");
    }

    @Override
    public void startVm() {
        openSection("colima");
    }

    @Override
    public void stopVm() {
        openSection("colima");
    }

    @Override
    public void unsealVault() {
        background.execute(() -> {
            try {
                context.vaultActions().unsealWithStoredShares(s -> { });
            } catch (UserError e) {
                report(Optional.of(e.getMessage()));
            }
            vaultPoller.refreshNow();
        });
    }

    /** A failure of a menu action: logged, and shown on the dashboard (the menu has no room for it). */
    private void report(Optional<String> failure) {
        failure.ifPresent(f -> {
            LOG.warn("{}", f);
            Platform.runLater(() -> window.show("services"));
        });
    }

    @Override
    public void quit() {
        LOG.info("quitting");
        sampler.close();
        watcher.close();
        vaultPoller.close();
        if (tray != null) {
            tray.close();
        }
        background.shutdownNow();
        context.close();
        Platform.exit();
    }
}
