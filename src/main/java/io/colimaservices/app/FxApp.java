package io.colimaservices.app;

import io.colimaservices.domain.Alert;
import io.colimaservices.domain.AlertPolicy;
import io.colimaservices.domain.ContainerEvent;
import io.colimaservices.domain.EngineInfo;
import io.colimaservices.domain.StackActions;
import io.colimaservices.domain.CredentialService;
import io.colimaservices.domain.LiveStack;
import io.colimaservices.domain.StackProgress;
import io.colimaservices.domain.StackRecovery;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.StackStore;
import io.colimaservices.domain.UserError;
import io.colimaservices.domain.VmPhase;
import io.colimaservices.domain.VmWatcher;
import io.colimaservices.domain.WakeDetector;
import io.colimaservices.tray.AwtTrayAdapter;
import io.colimaservices.tray.TrayMenuBuilder;
import io.colimaservices.ui.colima.ColimaSection;
import io.colimaservices.ui.common.ActionFailures;
import io.colimaservices.ui.common.ClipboardAutoClear;
import io.colimaservices.ui.common.ClipboardKeeper;
import io.colimaservices.ui.common.CommandDialog;
import io.colimaservices.ui.common.FxClipboard;
import io.colimaservices.ui.common.FxNotifier;
import io.colimaservices.ui.common.Section;
import io.colimaservices.ui.common.UiExecutors;
import io.colimaservices.ui.dashboard.DashboardViewModel;
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
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The JavaFX application: wires the store, the watchers, the tray and the dashboard window. The FX thread only
 * builds the faces; connecting (which may ask Colima for its socket) happens on a virtual thread.
 */
public final class FxApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(FxApp.class);

    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    /** Runs work on a virtual thread; once quitting, drops it (the process is about to end). */
    private final Executor background = this::inBackground;
    private volatile boolean quitting;
    private final AtomicReference<EngineSession> session = new AtomicReference<>();
    private final AtomicBoolean reconnecting = new AtomicBoolean();
    private volatile boolean samplingWanted;
    private AppContext context;
    private StackStore store;
    private VaultPoller vaultPoller;
    private VmWatcher vmWatcher;
    private WakeDetector wake;
    private AwtTrayAdapter tray;
    /** False while a required setup step is not done (issue 20): the menu then starts with "Finish setup". */
    private volatile boolean setupFinished = true;
    /** Tells when a certificate or the CA enters its warning window (issue 21); asked on start and every 6 h. */
    private final java.util.concurrent.ScheduledExecutorService expiryChecks =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("expiry").factory());
    private MainWindow window;
    private LogsSection logsSection;
    private DashboardViewModel dashboard;
    private ReadOnlyBooleanProperty dark;
    private boolean hasTray;
    private ClipboardAutoClear clipboard;
    private UseCases useCases;
    private CredentialService credentials;
    private ColimaSection colimaSection;
    private FxNotifier notifier;
    private MenuRouter router;
    private volatile BackupSchedule backupSchedule;
    private volatile Consumer<StackSnapshot> menuShow;

    @Override
    public void start(Stage ignored) {
        if (!DesktopApp.exit().started(this::quit)) {
            // A signal came while the toolkit started: end before any window exists.
            Platform.exit();
            return;
        }
        try {
            startApp();
        } catch (RuntimeException | Error e) {
            // Reported by DesktopApp.run once the toolkit has stopped: one line, not JavaFX's "Exception in
            // Application start method" and its stack trace.
            DesktopApp.startFailed(e);
            quit();
        }
    }

    private void startApp() {
        LaunchOptions options = DesktopApp.options();
        context = DesktopApp.context();
        context.useAppTrace();
        Platform.setImplicitExit(false);

        AppContext.CatalogResult catalog = context.catalogOrError();
        catalog.error().ifPresent(e -> LOG.warn("compose file problem: {}", e));
        store = new StackStore(StackSnapshot.initial(context.projectName(), catalog.catalog(), catalog.error(),
                "(connecting)", context.vaultAddress(), context.vmProfile()));
        context.useEngineRestarter(Optional.of(store));
        context.useLiveStack(liveStack());
        useCases = context.useCases();

        vaultPoller = new VaultPoller(context.vaultWatcher(store), store);
        vmWatcher = vmWatcher();
        clipboard = new ClipboardAutoClear(new ClipboardKeeper(new FxClipboard(), Clock.systemUTC()));
        clipboard.start();
        credentials = useCases.credentials();
        router = router();
        dashboard = new DashboardViewModel(UiExecutors.fx(), background, useCases.stack(), router,
                Clock.systemDefaultZone(), () -> StackActions.DEFAULT_TIMEOUT);
        store.relay(UiExecutors.fx(), dashboard::show);
        watchForAlerts();
        backupSchedule = new BackupSchedule(useCases::backups, () -> store.current().services().values().stream()
                .anyMatch(io.colimaservices.domain.ServiceStatus::isRunning), this::rebuildMenu);
        backupSchedule.start();
        announceReady();
        // Docker is asked while the theme, the window and the menu are made: the first live state is what the
        // start waits for, and the rest takes the window's thread tens of ms.
        background.execute(this::connect);
        watchCertificateExpiry();

        dark = Theme.followSystem();
        hasTray = AwtTrayAdapter.isSupported();
        window = new MainWindow(store, this::sections, hasTray, this::quit);
        if (hasTray) {
            installTray();
        } else {
            LOG.info("no system tray on this desktop: showing the dashboard instead");
            window.show(null);
        }
        DesktopApp.onSecondLaunch(request -> SecondLaunch.answer(request, router::openDashboard,
                file -> Platform.runLater(() -> dashboard.chooseComposeFile(file))));
    }

    /** The VM watcher, or none when the colima tool named by --colima or COLIMA_BIN is not there. */
    private VmWatcher vmWatcher() {
        try {
            return context.vmWatcher(store);
        } catch (UserError e) {
            LOG.warn("no VM control: {}", e.getMessage());
            return null;
        }
    }

    /** Off the FX thread: the Docker host (maybe from Colima), the watchers, the VM, wake from sleep. */
    private void connect() {
        if (vmWatcher != null) {
            vmWatcher.refresh();
            vmWatcher.start(VmWatcher.POLL_INTERVAL);
        }
        EngineSession opened = openSession();
        if (opened == null) {
            return;
        }
        store.subscribe(this::reconnectWhenTheSocketMoves);
        WakeDetector detector = new WakeDetector(this::onWake);
        wake = detector;
        if (quitting) {
            return;
        }
        detector.start();
        LOG.info("started: compose file {}, Docker host {}", context.composeFile(), opened.host);
        if (vmWatcher != null && context.settings().settings().startVmOnLaunch()
                && !store.current().vm().isRunning()) {
            router.startVm();
        }
    }

    /** The new session, or null when quitting. */
    private EngineSession openSession() {
        if (quitting) {
            return null;
        }
        EngineSession next = new EngineSession(context, store, this::onEvent, dashboard::showUsage,
                step -> LOG.info("recovery: {}", step.describe()), this::recovered);
        session.set(next);
        if (quitting && session.compareAndSet(next, null)) {
            // Quit came while it opened and found no session to close.
            next.close();
            return null;
        }
        store.update(s -> s.engine().host().equals(next.host) ? s : s.withEngine(EngineInfo.unknown(next.host)));
        if (samplingWanted) {
            next.sampler.start();
        }
        return next;
    }

    /** The VM came up on another socket than the one in use (it was stopped at launch): connect there. */
    private void reconnectWhenTheSocketMoves(StackSnapshot snapshot) {
        EngineSession current = session.get();
        if (current == null || snapshot.vm().phase() != VmPhase.RUNNING || snapshot.engine().reachable()) {
            return;
        }
        reconnectIfTheHostMoved("Docker host moved");
    }

    /** Connects to the Docker host as it resolves now, when that is not the current session's. */
    private void reconnectIfTheHostMoved(String why) {
        EngineSession current = session.get();
        if (current == null) {
            return;
        }
        if (!context.dockerHost().display().equals(current.host) && reconnecting.compareAndSet(false, true)) {
            background.execute(() -> {
                try {
                    LOG.info("{} to {}: reconnecting", why, context.dockerHost().display());
                    Optional.ofNullable(session.getAndSet(null)).ifPresent(EngineSession::close);
                    context.reconnect();
                    openSession();
                } finally {
                    reconnecting.set(false);
                }
            });
        }
    }

    /** Preferences saved: read again, and applied without a restart (the VM, the Docker host, Vault's address). */
    private void settingsSaved() {
        context.settingsChanged();
        Optional.ofNullable(vmWatcher).ifPresent(VmWatcher::refresh);
        reconnectIfTheHostMoved("Docker host changed in Preferences");
        store.update(s -> s.vault().address().equals(context.vaultAddress()) ? s
                : s.withVault(io.colimaservices.domain.VaultState.unknown(context.vaultAddress())));
        vaultPoller.refreshNow();
    }

    private void onEvent(ContainerEvent event) {
        vaultPoller.onEvent(event);
    }

    /** After sleep: the VM, the socket, the stack and Vault may all have changed. */
    private void onWake() {
        LOG.info("woke from sleep: checking the VM, Docker and Vault again");
        Optional.ofNullable(vmWatcher).ifPresent(VmWatcher::refreshInBackground);
        Optional.ofNullable(session.get()).ifPresent(s -> {
            s.watcher.poke();
            s.recovery.trigger("woke from sleep");
        });
        vaultPoller.refreshNow();
        Platform.runLater(clipboard::wake);
    }

    /** A recovery ended: the tray showed it under way (busy); a failure is a notification with its cause. */
    private void recovered(StackRecovery.Report report) {
        useCases.stack().recovered(report);
        vaultPoller.refreshNow();
        if (report.result().cancelled()) {
            LOG.info("recovery ({}) cancelled", report.why());
            return;
        }
        Optional<StackProgress.Failed> failure = report.result().failure();
        if (failure.isEmpty()) {
            LOG.info("recovery ({}): {} ready again", report.why(), String.join(", ", report.services()));
            return;
        }
        StackProgress.Failed f = failure.get();
        LOG.warn("recovery ({}) failed: {}", report.why(), f.describe());
        notifier.show(new Alert(f.service(), Alert.Kind.RECOVERY_FAILED, "After " + report.why() + ": " + f.reason()
                + f.healthOutput().map(h -> " (health check: " + h.strip().lines().findFirst().orElse("") + ")")
                .orElse("") + "."));
    }

    /** The use cases act through the current session; while connecting, a clear refusal. */
    private LiveStack liveStack() {
        return new LiveStack() {
            @Override
            public StackActions actions() {
                return current().actions;
            }

            @Override
            public StackRecovery recovery() {
                return current().recovery;
            }

            private EngineSession current() {
                EngineSession current = session.get();
                if (current == null) {
                    throw new UserError(UserError.Kind.DOCKER_UNREACHABLE, "still connecting to Docker", "");
                }
                return current;
            }
        };
    }

    /**
     * Says "ready" once the first live state (engine answered or not) is on screen (after start, so {@link #hasTray}
     * is known): a line on stdout that start-up benchmarks and the smoke test wait for, and the log. Quits then when
     * asked to ({@code --exit-when-ready}); otherwise asks the setup checklist.
     */
    private void announceReady() {
        AtomicBoolean said = new AtomicBoolean();
        store.subscribe(snapshot -> {
            if (snapshot.engine().error().filter("not checked yet"::equals).isPresent() || !said.compareAndSet(false,
                    true)) {
                return;
            }
            // Two hops: the dashboard and the tray apply the snapshot on their threads first.
            Platform.runLater(() -> EventQueue.invokeLater(() -> Platform.runLater(() -> {
                long sinceStart = System.currentTimeMillis()
                        - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
                String line = String.format("colima-services ready in %d ms: %d services, Docker %s, %s", sinceStart,
                        snapshot.services().size(), snapshot.engine().reachable() ? "reachable" : "unreachable",
                        hasTray ? "menu-bar icon" : "dashboard window");
                System.out.println(line);
                LOG.info(line);
                if (DesktopApp.exitWhenReady()) {
                    quit();
                    return;
                }
                // Only the menu's "Finish setup" waits for the checklist: work the first live state does not need.
                background.execute(FxApp.this::checkSetup);
            })));
        });
    }

    /**
     * Notifies when a service turns unhealthy, crashes or runs out of memory (not for our own stops, nor for what a
     * recovery is bringing back).
     */
    private void watchForAlerts() {
        AlertPolicy policy = new AlertPolicy(context.stopLedger(), Clock.systemUTC(), service ->
                Optional.ofNullable(session.get()).map(s -> s.recovery.isRecovering(service)).orElse(false));
        notifier = new FxNotifier(service -> router.viewLogs(service), service -> router.restartService(service));
        AtomicReference<StackSnapshot> previous = new AtomicReference<>(store.current());
        store.subscribe(next -> policy.changes(previous.getAndSet(next), next).forEach(alert -> {
            LOG.info("alert: {}", alert.title());
            notifier.show(alert);
        }));
    }

    private List<Section> sections() {
        Pages pages = new Pages(context, store, dashboard, this::startSampling, this::stopSampling,
                this::currentEngine, dark, vaultPoller::refreshNow, credentials, clipboard.keeper(),
                this::clipboardDelay, vmWatcher != null, this::settingsSaved, background,
                // Through the dashboard's "Choose compose file..." command: the one path that applies a file at once.
                file -> router.useComposeFile(file.orElseGet(io.colimaservices.catalog.BundledStack::composeFile)));
        logsSection = pages.logs;
        colimaSection = pages.colima.orElse(null);
        pages.setup.model().finishedProperty().addListener((o, was, is) -> setupChanged(is));
        return pages.sections;
    }

    private io.colimaservices.domain.ContainerEngine currentEngine() {
        EngineSession current = session.get();
        return current != null ? current.engine : context.engine();
    }

    private void startSampling() {
        samplingWanted = true;
        Optional.ofNullable(session.get()).ifPresent(s -> s.sampler.start());
    }

    private void stopSampling() {
        samplingWanted = false;
        Optional.ofNullable(session.get()).ifPresent(s -> s.sampler.stop());
    }

    private void installTray() {
        tray = new AwtTrayAdapter();
        TrayMenuBuilder menu = new TrayMenuBuilder(router, () -> context.settings().settings().defaultTier(),
                backupSchedule::menuLine, () -> setupFinished);
        StackSnapshot first = store.current();
        tray.install(first.health(), menu.build(first), router::openDashboard);
        Consumer<StackSnapshot> show = s -> tray.show(s.health(), menu.build(s));
        menuShow = show;
        // Docker is already being asked: the relay starts from the state now, which may be newer than the first.
        store.relay(EventQueue::invokeLater, show);
    }

    /** Asks the setup checklist once, after the ready line, on a virtual thread: the menu's "Finish setup" follows. */
    private void checkSetup() {
        try {
            setupChanged(io.colimaservices.usecase.SetupUseCase.finished(context.useCases().setup()
                    .status(Optional.empty())));
        } catch (RuntimeException e) {
            LOG.warn("setup checklist not checked at start: {}", e.getClass().getSimpleName());
        }
    }

    /** A minute after start (Vault may still be starting), then every 6 hours. */
    private void watchCertificateExpiry() {
        io.colimaservices.usecase.ExpiryWatch watch = context.useCases().expiryWatch();
        expiryChecks.scheduleWithFixedDelay(() -> {
            try {
                watch.check().forEach(notice -> {
                    LOG.info("certificate expiry: {}", notice.text());
                    if (notifier instanceof FxNotifier cards) {
                        cards.showExpiry(notice, this::renewCertificate);
                    }
                });
            } catch (RuntimeException e) {
                LOG.warn("certificate expiry not checked: {}", e.getClass().getSimpleName());
            }
        }, 1, 360, java.util.concurrent.TimeUnit.MINUTES);
    }

    /** The notification's "Renew": the same use case as {@code tls SERVICE renew}; a failure opens Credentials. */
    private void renewCertificate(String service) {
        background.execute(() -> {
            try {
                context.useCases().tls().renew(service, line -> LOG.info("renew {}: {}", service, line));
            } catch (UserError e) {
                LOG.warn("renewing {}'s certificate failed: {}", service, e.getMessage());
                router.openSection("credentials");
            }
        });
    }

    private void setupChanged(boolean finished) {
        setupFinished = finished;
        rebuildMenu();
    }

    /** The menu again from the current state (its backup line changed). */
    private void rebuildMenu() {
        Consumer<StackSnapshot> show = menuShow;
        if (show != null) {
            EventQueue.invokeLater(() -> show.accept(store.current()));
        }
    }

    // Menu and dashboard commands: routed by the MenuRouter; here only what the desktop does for it.

    private MenuRouter router() {
        ActionFailures failures = new ActionFailures(UiExecutors.fx(), new ActionFailures.Window() {
            @Override
            public boolean isShowing() {
                return window != null && window.isShowing();
            }

            @Override
            public Optional<io.colimaservices.ui.common.ActionState> messages(String section) {
                return window == null ? Optional.empty() : window.messages(section);
            }

            @Override
            public void show(String section) {
                window.show(section);
            }
        }, notice -> notifier.show(notice));
        return new MenuRouter(new Desktop(), () -> new MenuRouter.Actions(credentials, useCases.vault(),
                Optional.ofNullable(vmWatcher).map(w -> useCases.vm()), useCases.shell()), this::clipboardDelay,
                vaultPoller::refreshNow, background, failures);
    }

    /** The window, its pages and the clipboard, on the FX thread. */
    private final class Desktop implements MenuRouter.Desktop {
        @Override
        public void show(String section) {
            Platform.runLater(() -> window.show(section));
        }

        @Override
        public void showLogsOf(String service) {
            Platform.runLater(() -> {
                window.show("logs");
                logsSection.select(List.of(service));
            });
        }

        @Override
        public void startTarget(String target) {
            // Through the services page's model, so its progress line and failure report show the outcome.
            Platform.runLater(() -> dashboard.start(target));
        }

        @Override
        public void startTier(String tier) {
            Platform.runLater(() -> dashboard.startTier(tier));
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
        public boolean vmThroughPage(boolean start) {
            ColimaSection page = colimaSection;
            if (page == null) {
                return false;
            }
            Platform.runLater(start ? page::startVm : page::stopVm);
            return true;
        }

        @Override
        public void openUrl(String url) {
            background.execute(() -> {
                io.colimaservices.domain.UrlOpener.Outcome outcome = context.urlOpener().open(url);
                if (!outcome.opened()) {
                    LOG.warn("{}: {}", url, outcome.message());
                    Platform.runLater(() -> CommandDialog.show("Open in browser", outcome.message()
                            + ". Copy the address and open it in a browser yourself.", url, "Copy address"));
                }
            });
        }

        /** The catalog swapped in the store at once, then one listing for the services the new file adds. */
        @Override
        public int useComposeFile(java.nio.file.Path file) {
            io.colimaservices.domain.Catalog chosen = useCases.composeFile(catalog -> {
                store.update(s -> s.withCatalog(catalog, Optional.empty()));
                Optional.ofNullable(session.get()).ifPresent(s -> s.watcher.poke());
            }).choose(file);
            return chosen.serviceNames().size();
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
        public void copySecret(String value, Duration delay) {
            Platform.runLater(() -> clipboard.keeper().copy(value, delay));
        }

        @Override
        public void showCommand(String title, String message, String commandLine) {
            Platform.runLater(() -> CommandDialog.show(title, message, commandLine));
        }

        @Override
        public void quit() {
            FxApp.this.quit();
        }
    }

    private Duration clipboardDelay() {
        return Duration.ofSeconds(context.settings().settings().clipboardClearSeconds());
    }

    /** Quits from anywhere (the menu, a signal, a closed window without a tray). */
    public void quit() {
        if (Platform.isFxApplicationThread()) {
            quitOnFxThread();
        } else {
            // From the tray's menu (AWT thread) or a signal: the FX thread owns the window and the toolkit.
            Platform.runLater(this::quitOnFxThread);
        }
    }

    /**
     * Stops what produces work first (new background work, the watchers), then what shows it, then the toolkit; the
     * process exits once the toolkit has stopped ({@link DesktopApp#run} returns), so nothing touches a window after
     * the graphics pipeline is gone. Safe at any point of the start (what is not made yet is skipped).
     */
    private void quitOnFxThread() {
        if (quitting) {
            return;
        }
        quitting = true;
        DesktopApp.exit().quitting();
        LOG.info("quitting");
        workers.shutdownNow();
        expiryChecks.shutdownNow();
        Optional.ofNullable(session.getAndSet(null)).ifPresent(EngineSession::close);
        Optional.ofNullable(vmWatcher).ifPresent(VmWatcher::close);
        Optional.ofNullable(wake).ifPresent(WakeDetector::close);
        Optional.ofNullable(backupSchedule).ifPresent(BackupSchedule::close);
        Optional.ofNullable(vaultPoller).ifPresent(VaultPoller::close);
        Optional.ofNullable(clipboard).ifPresent(ClipboardAutoClear::stop);
        Optional.ofNullable(tray).ifPresent(AwtTrayAdapter::close);
        Optional.ofNullable(context).ifPresent(AppContext::close);
        DesktopApp.releaseInstance();
        Platform.exit();
    }

    private void inBackground(Runnable task) {
        if (quitting) {
            return;
        }
        try {
            workers.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    if (!quitting) {
                        throw e;
                    }
                    // Work that quit cut short (interrupted, or its client closed under it): the process is ending.
                    LOG.debug("cut short by quit: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            // Quit shut the executor down between the check and here.
        }
    }
}
