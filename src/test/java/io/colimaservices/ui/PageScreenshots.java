package io.colimaservices.ui;

import atlantafx.base.theme.PrimerLight;
import io.colimaservices.domain.SocketCondition;
import io.colimaservices.domain.SocketDiagnosis;
import io.colimaservices.domain.SocketFix;
import io.colimaservices.domain.StackStore;
import io.colimaservices.domain.VmPhase;
import io.colimaservices.domain.VmSpec;
import io.colimaservices.domain.VmState;
import io.colimaservices.domain.VmWatcher;
import io.colimaservices.ui.colima.ColimaSection;
import io.colimaservices.ui.colima.ColimaViewModel;
import io.colimaservices.ui.colima.FakeVm;
import io.colimaservices.domain.AppSettings;
import io.colimaservices.domain.LoadedSettings;
import io.colimaservices.testing.FakePlatform;
import io.colimaservices.ui.common.Section;
import io.colimaservices.ui.preferences.FakeSettings;
import io.colimaservices.ui.preferences.ComposeFileChoice;
import io.colimaservices.ui.preferences.PreferencesSection;
import io.colimaservices.ui.preferences.PreferencesViewModel;
import io.colimaservices.ui.common.UiExecutors;
import io.colimaservices.ui.shell.MainView;
import io.colimaservices.ui.shell.StatusStrip;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static io.colimaservices.domain.Fixtures.smallStack;
import static io.colimaservices.domain.Fixtures.snapshot;

/**
 * Renders the Colima and Preferences pages, in the window's frame, against fakes, to PNG files (light theme):
 * {@code colima.png} and {@code preferences.png} for docs/screenshots, and a few other states beside them for
 * review. Run under Xvfb with {@code -Dprism.order=sw}; the argument is the output directory.
 */
public final class PageScreenshots {
    private static final double WIDTH = 1180;
    private static final double HEIGHT = 720;
    private static final List<String> START_OUTPUT = List.of(
            "$ colima start --profile default --cpu 4 --memory 8 --disk 60 --arch aarch64 --vm-type vz --vz-rosetta "
                    + "--network-address",
            "INFO[0000] starting colima",
            "INFO[0000] runtime: docker",
            "INFO[0001] starting ...                                   context=vm",
            "INFO[0014] provisioning ...                               context=docker",
            "INFO[0015] starting ...                                   context=docker",
            "INFO[0020] done");

    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private final Path dir;

    private PageScreenshots(Path dir) {
        this.dir = dir;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/screenshots");
        Files.createDirectories(dir);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
        onFx(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            return null;
        });
        PageScreenshots shots = new PageScreenshots(dir);
        try {
            shots.colima();
            shots.preferences();
        } finally {
            shots.background.shutdownNow();
            Platform.exit();
        }
    }

    // --- the Colima page

    private record ColimaPage(FakeVm vm, StackStore store, ColimaSection section) {
    }

    private ColimaPage colimaPage(VmState state) {
        FakeVm vm = new FakeVm();
        vm.state.set(state);
        vm.output = START_OUTPUT;
        StackStore store = new StackStore(snapshot(smallStack()));
        VmWatcher watcher = new VmWatcher(vm, vm.socketCheck(), store, () -> "default");
        ColimaViewModel model = new ColimaViewModel(UiExecutors.fx(), background, store,
                vm.useCase(watcher, VmSpec::defaults), text -> { });
        watcher.refresh();
        return new ColimaPage(vm, store, new ColimaSection(model));
    }

    private void colima() throws Exception {
        ColimaPage page = colimaPage(FakeVm.stopped("default"));
        page.vm.diagnosis.set(vm -> vm.phase() == VmPhase.RUNNING
                ? new SocketDiagnosis(SocketCondition.CONTEXT_ELSEWHERE, FakeVm.SOCKET,
                "the docker CLI's current context is 'desktop-linux' (~/.docker/config.json): it points at "
                        + "unix:///Users/me/.docker/run/docker.sock, not Colima's unix://" + FakeVm.SOCKET,
                SocketFix.USE_COLIMA_CONTEXT, "docker context use colima")
                : FakeVm.usual(vm));
        page.vm.state.set(FakeVm.stopped("default"));
        onFx(() -> {
            page.section.model().actions().start();
            return null;
        });
        waitUntil(() -> !page.section.model().action().busyProperty().get());
        shoot("colima", page.store, page.section, model -> { });

        ColimaPage stopped = colimaPage(FakeVm.stopped("default"));
        shoot("colima-stopped", stopped.store, stopped.section, s -> { });

        ColimaPage missing = colimaPage(VmState.of("default", VmPhase.NOT_INSTALLED));
        waitUntil(() -> !missing.section.model().toolDescriptionProperty().get().isEmpty());
        shoot("colima-not-installed", missing.store, missing.section, s -> { });

        ColimaPage failing = colimaPage(FakeVm.stopped("default"));
        failing.vm.failNext = FakeVm.startFailed();
        onFx(() -> {
            failing.section.model().actions().start();
            return null;
        });
        waitUntil(() -> failing.section.model().action().failureProperty().get() != null);
        shoot("colima-failed", failing.store, failing.section, s -> { });

        ColimaPage deleting = colimaPage(FakeVm.running("default"));
        shoot("colima-delete", deleting.store, deleting.section, s -> {
            deleting.section.model().deletion().requestDelete();
            deleting.section.model().deletion().deleteConfirmationProperty().set("defa");
        });
    }

    // --- the Preferences page

    private PreferencesSection preferencesPage(FakeSettings settings) {
        return new PreferencesSection(new PreferencesViewModel(UiExecutors.fx(), background, settings.useCase(),
                FakePlatform.appleSiliconMac(), () -> { }, ComposeFileChoice.SAVED_ONLY));
    }

    private void preferences() throws Exception {
        StackStore store = new StackStore(snapshot(smallStack()).withVm(FakeVm.running("default")));

        FakeSettings settings = new FakeSettings();
        settings.login.installed = true;
        settings.onDisk.set(new LoadedSettings(new AppSettings(VmSpec.defaults(), java.util.Optional.empty(), true,
                true, 30), List.of()));
        PreferencesSection page = preferencesPage(settings);
        shoot("preferences", store, page, s -> { }, () -> page.model().vm().cpusProperty().set("6"));

        FakeSettings bad = new FakeSettings();
        bad.onDisk.set(new LoadedSettings(AppSettings.defaults(), List.of(
                FakeSettings.FILE + ":5: colima.cpus must be a whole number from 1 to 256, found \"four\"; using 4",
                FakeSettings.FILE + ":9: unknown setting 'colour' (ignored)")));
        PreferencesSection problems = preferencesPage(bad);
        shoot("preferences-problems", store, problems, s -> { }, () -> {
            problems.model().vm().cpusProperty().set("0");
            problems.model().vm().diskProperty().set("5");
            problems.model().vm().profileProperty().set("-work");
        });

        FakeSettings aside = new FakeSettings();
        aside.onDisk.set(bad.onDisk.get());
        PreferencesSection saved = preferencesPage(aside);
        shoot("preferences-saved", store, saved, s -> { }, () -> {
            saved.model().vm().cpusProperty().set("6");
            saved.model().vm().memoryProperty().set("64");
            saved.model().save();
        });
    }

    // --- frame and files

    /** A sidebar entry for the pages of other branches: listed, not shown. */
    private record Placeholder(String id, String title, Ikon icon) implements Section {
        @Override
        public Node build() {
            return new javafx.scene.control.Label(title + " is not part of this picture");
        }
    }

    private void shoot(String name, StackStore store, Section page, Consumer<Section> before) throws Exception {
        shoot(name, store, page, before, () -> { });
    }

    /** {@code before} runs as soon as the page is built, {@code settled} once it has read what it shows. */
    private void shoot(String name, StackStore store, Section page, Consumer<Section> before, Runnable settled)
            throws Exception {
        Stage stage = onFx(() -> {
            StatusStrip strip = new StatusStrip();
            strip.show(store.current());
            store.subscribe(s -> Platform.runLater(() -> strip.show(s)));
            List<Section> sections = new ArrayList<>(List.of(
                    new Placeholder("services", "Services", Feather.SERVER),
                    new Placeholder("logs", "Logs", Feather.FILE_TEXT),
                    new Placeholder("vault", "Vault", Feather.LOCK),
                    new Placeholder("credentials", "Credentials", Feather.KEY)));
            sections.add(page.id().equals("colima") ? page : new Placeholder("colima", "Colima", Feather.BOX));
            sections.add(page.id().equals("preferences") ? page
                    : new Placeholder("preferences", "Preferences", Feather.SLIDERS));
            MainView main = new MainView(sections, strip.root());
            main.show(page.id());
            Scene scene = new Scene(main.root(), WIDTH, HEIGHT);
            scene.getStylesheets().add(Objects.requireNonNull(
                    PageScreenshots.class.getResource("/io/colimaservices/ui/app.css")).toExternalForm());
            Stage window = new Stage();
            window.setTitle("Colima Services");
            window.setScene(scene);
            window.show();
            main.windowShowing(true);
            before.accept(page);
            return window;
        });
        Thread.sleep(600);
        onFx(() -> {
            settled.run();
            return null;
        });
        Thread.sleep(400);
        onFx(() -> null);
        WritableImage image = onFx(() -> stage.getScene().snapshot(null));
        write(image, dir.resolve(name + ".png"));
        onFx(() -> {
            stage.close();
            return null;
        });
    }

    private static void write(WritableImage image, Path file) throws IOException {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader reader = image.getPixelReader();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            reader.getPixels(0, y, w, 1, PixelFormat.getIntArgbInstance(), row, 0, w);
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        ImageIO.write(out, "png", file.toFile());
        System.out.println("wrote " + file);
    }

    private static void waitUntil(Supplier<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!onFx(condition)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the page did not settle");
            }
            Thread.sleep(50);
        }
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }
}
