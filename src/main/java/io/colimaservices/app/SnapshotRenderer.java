package io.colimaservices.app;

import io.colimaservices.domain.EngineWatcher;
import io.colimaservices.domain.ServiceStatus;
import io.colimaservices.domain.StackActions;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.StackStore;
import io.colimaservices.domain.StatsSampler;
import io.colimaservices.domain.UserError;
import io.colimaservices.domain.VmChanges;
import io.colimaservices.ui.common.ClipboardKeeper;
import io.colimaservices.tray.MenuEntry;
import io.colimaservices.tray.TrayMenuBuilder;
import io.colimaservices.ui.common.Section;
import io.colimaservices.ui.common.UiExecutors;
import io.colimaservices.ui.dashboard.DashboardCommands;
import io.colimaservices.ui.dashboard.DashboardViewModel;
import io.colimaservices.ui.logs.LogViewerViewModel;
import io.colimaservices.ui.logs.LogsSection;
import io.colimaservices.ui.shell.MainView;
import io.colimaservices.ui.shell.MenuPicture;
import io.colimaservices.ui.shell.StatusStrip;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Renders the dashboard, the log viewer and the menu against the live engine into PNG files, headless, so the
 * screenshots in docs/ and the README come from the app itself ({@code colima-services snapshot --out docs/screenshots}).
 */
public final class SnapshotRenderer {
    private static final double WIDTH = 1180;
    private static final double HEIGHT = 720;
    /** A single page (--page) is rendered taller, so a checklist shows whole. */
    private static final double PAGE_HEIGHT = 960;

    private final AppContext context;
    private final boolean dark;

    public SnapshotRenderer(AppContext context, boolean dark) {
        this.context = context;
        this.dark = dark;
    }

    /** Starts JavaFX headless (Monocle) unless it runs already; call before anything touches JavaFX. */
    public static void startHeadless() {
        System.setProperty("glass.platform", System.getProperty("glass.platform", "Monocle"));
        System.setProperty("monocle.platform", System.getProperty("monocle.platform", "Headless"));
        System.setProperty("prism.order", System.getProperty("prism.order", "sw"));
        System.setProperty("prism.text", System.getProperty("prism.text", "t2k"));
        System.setProperty("java.awt.headless", "true");
        CompletableFuture<Void> started = new CompletableFuture<>();
        try {
            Platform.startup(() -> started.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            started.complete(null);
        }
        started.join();
        Platform.setImplicitExit(false);
    }

    /** Writes the pictures; returns the files written. */
    public List<Path> render(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        StackSnapshot first = context.snapshotAsTheAppShowsIt();
        StackStore store = new StackStore(first);
        context.vaultWatcher(store).refreshNow();
        List<Path> written = new ArrayList<>();
        try (EngineWatcher watcher = new EngineWatcher(context.engine(), store)) {
            watcher.start();
            ReadOnlyBooleanProperty darkProperty = onFx(() -> Theme.use(dark));
            DashboardViewModel dashboard = new DashboardViewModel(UiExecutors.fx(), Runnable::run,
                    context.stackActions(store), new NoDesktop(), Clock.systemDefaultZone(),
                    () -> StackActions.DEFAULT_TIMEOUT);
            dashboard.show(store.current());
            // Usage needs two readings per service; wait for the first round that has figures (or give up).
            CountDownLatch figures = new CountDownLatch(1);
            try (StatsSampler sampler = new StatsSampler(context.engine(), store, usage -> {
                dashboard.showUsage(usage);
                if (!usage.isEmpty()) {
                    figures.countDown();
                }
            })) {
                sampler.start();
                figures.await(StatsSampler.INTERVAL.toMillis() * 6, TimeUnit.MILLISECONDS);
            }
            dashboard.show(store.current());
            ClipboardKeeper keeper = new ClipboardKeeper(new io.colimaservices.ui.common.FxClipboard(),
                    Clock.systemUTC());
            Optional<VmChanges> vm = vmChanges(store);
            vm.ifPresent(VmChanges::refresh);
            Pages pages = new Pages(context, store, dashboard, () -> { }, () -> { }, context::engine, darkProperty,
                    () -> { }, context.useCases().credentials(), keeper, () -> Duration.ofSeconds(30),
                    vm.isPresent(), () -> { }, Runnable::run);
            LogsSection logsSection = pages.logs;
            LogViewerViewModel logs = logsSection.model();
            List<Section> sections = pages.sections;

            MainView main = onFx(() -> {
                StatusStrip strip = new StatusStrip();
                strip.show(store.current());
                return new MainView(sections, strip.root());
            });
            // The services page's message bar (a ControlsFX NotificationPane) slides in once the page is in a
            // scene: the first picture starts it, the second is taken when it is in.
            write(main.root(), dir.resolve(name("dashboard")));
            Thread.sleep(1_000);
            written.add(write(main.root(), dir.resolve(name("dashboard"))));
            onFx(() -> {
                // Pages load what they show when they are shown.
                main.windowShowing(true);
                return null;
            });
            for (Section page : sections.subList(2, sections.size())) {
                onFx(() -> {
                    main.show(page.id());
                    return null;
                });
                Thread.sleep(1_500);
                written.add(write(main.root(), dir.resolve(name(page.id()))));
            }

            for (Section page : sections) {
                if (page instanceof io.colimaservices.ui.backups.BackupsSection backups) {
                    written.add(write(onFx(() -> backups.resetDialogPicture("postgres", "postgre")),
                            dir.resolve(name("backups-reset"))));
                }
            }

            List<String> running = store.current().services().values().stream().filter(ServiceStatus::isRunning)
                    .map(ServiceStatus::service).limit(3).toList();
            onFx(() -> {
                main.show("logs");
                logsSection.select(running);
                return null;
            });
            Thread.sleep(2_500);
            onFx(logs::pull);
            written.add(write(main.root(), dir.resolve(name("logs"))));
            onFx(() -> {
                main.windowShowing(false);
                return null;
            });
            logs.close();

            List<MenuEntry> menu = new TrayMenuBuilder(new NoMenu()).build(store.current());
            String group = store.current().catalog().groups().keySet().stream().findFirst()
                    .map(g -> g.displayName()).orElse("");
            String service = store.current().catalog().groups().values().stream().findFirst()
                    .flatMap(list -> list.stream().findFirst()).map(d -> " " + d.name() + " ").orElse("");
            Node picture = onFx(() -> MenuPicture.render(menu, List.of(group, service)));
            written.add(write((Parent) picture, dir.resolve(name("menu"))));
        }
        return written;
    }

    /**
     * Writes only the pages named (each once shown, so it has checked what it shows) as {@code ID[-SUFFIX].png}:
     * a page in one of its states, e.g. the Setup page before and after {@code setup}.
     */
    public List<Path> renderPages(Path dir, List<String> ids, Optional<String> suffix) throws IOException,
            InterruptedException {
        Files.createDirectories(dir);
        // As the app shows it whatever it finds (Docker unreachable too), so the packaged smoke test can render a page.
        StackStore store = new StackStore(context.snapshotAsTheAppShowsIt());
        context.vaultWatcher(store).refreshNow();
        List<Path> written = new ArrayList<>();
        ReadOnlyBooleanProperty darkProperty = onFx(() -> Theme.use(dark));
        DashboardViewModel dashboard = new DashboardViewModel(UiExecutors.fx(), Runnable::run,
                context.stackActions(store), new NoDesktop(), Clock.systemDefaultZone(),
                () -> StackActions.DEFAULT_TIMEOUT);
        dashboard.show(store.current());
        ClipboardKeeper keeper = new ClipboardKeeper(new io.colimaservices.ui.common.FxClipboard(), Clock.systemUTC());
        Optional<VmChanges> vm = vmChanges(store);
        vm.ifPresent(VmChanges::refresh);
        Pages pages = new Pages(context, store, dashboard, () -> { }, () -> { }, context::engine, darkProperty,
                () -> { }, context.useCases().credentials(), keeper, () -> Duration.ofSeconds(30), vm.isPresent(),
                () -> { }, Runnable::run);
        List<String> known = pages.sections.stream().map(Section::id).toList();
        for (String id : ids) {
            if (!known.contains(id)) {
                throw new UserError(UserError.Kind.CONFIGURATION, "no page '" + id + "' here; the pages are "
                        + String.join(", ", known), vm.isPresent() ? "choose one of them"
                        : "the colima page needs a Colima VM (colima status answers)");
            }
        }
        MainView main = onFx(() -> {
            StatusStrip strip = new StatusStrip();
            strip.show(store.current());
            return new MainView(pages.sections, strip.root());
        });
        onFx(() -> {
            main.windowShowing(true);
            return null;
        });
        for (String id : ids) {
            onFx(() -> {
                main.show(id);
                return null;
            });
            onFx(() -> null); // the page's results, handed to the FX thread while it was shown, are applied
            written.add(write(main.root(), dir.resolve(name(id + suffix.map(s -> "-" + s).orElse(""))), PAGE_HEIGHT));
        }
        onFx(() -> {
            main.windowShowing(false);
            return null;
        });
        return written;
    }

    private Optional<VmChanges> vmChanges(StackStore store) {
        try {
            return Optional.of(context.vmWatcher(store));
        } catch (UserError e) {
            return Optional.empty();
        }
    }

    private String name(String page) {
        return page + (dark ? "-dark" : "") + ".png";
    }

    private Path write(Parent root, Path file) throws IOException {
        return write(root, file, HEIGHT);
    }

    private Path write(Parent root, Path file, double height) throws IOException {
        WritableImage image = onFx(() -> {
            StackPane holder = new StackPane(root);
            boolean natural = root instanceof javafx.scene.layout.HBox
                    || root instanceof javafx.scene.control.DialogPane;
            Scene scene = new Scene(holder, natural ? -1 : WIDTH, natural ? -1 : height);
            scene.getStylesheets().add(Objects.requireNonNull(
                    SnapshotRenderer.class.getResource("/io/colimaservices/ui/app.css")).toExternalForm());
            holder.applyCss();
            holder.layout();
            WritableImage shot = scene.snapshot(null);
            holder.getChildren().clear();
            return shot;
        });
        ImageIO.write(toBuffered(image), "png", file.toFile());
        return file;
    }

    private static BufferedImage toBuffered(WritableImage image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader reader = image.getPixelReader();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            reader.getPixels(0, y, w, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, w);
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        return out;
    }

    private static <T> T onFx(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("rendering failed: " + e.getMessage(), e);
        }
    }

    /** The snapshot changes nothing: no desktop, no menu actions. */
    private static final class NoDesktop implements DashboardCommands {
        public void openLogs(String service) {
        }

        public void openUrl(String url) {
        }

        public void openShell(String service, boolean client) {
        }

        public void copyPlain(String text) {
        }

        public int useComposeFile(java.nio.file.Path file) {
            throw new io.colimaservices.domain.UserError(io.colimaservices.domain.UserError.Kind.OTHER,
                    "a snapshot changes nothing", "");
        }
    }

    private static final class NoMenu implements io.colimaservices.tray.MenuCommands {
        public void openDashboard() {
        }

        public void openSection(String section) {
        }

        public void startTier(String tier) {
        }

        public void startTarget(String target) {
        }

        public void stopTarget(String target) {
        }

        public void restartService(String service) {
        }

        public void viewLogs(String service) {
        }

        public void openUrl(String url) {
        }

        public void openShell(String service, boolean client) {
        }

        public void copyConnectionString(String service) {
        }

        public void copyPassword(String service) {
        }

        public void setTls(String service, boolean enabled) {
        }

        public void startVm() {
        }

        public void stopVm() {
        }

        public void unsealVault() {
        }

        public void quit() {
        }
    }
}
