package io.colimaservices.ui.screenshots;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.colimaservices.domain.ConnectionFormat;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.StackStore;
import io.colimaservices.domain.VaultPhase;
import io.colimaservices.ui.common.ClipboardKeeper;
import io.colimaservices.ui.common.MemoryClipboard;
import io.colimaservices.ui.common.Section;
import io.colimaservices.ui.credentials.CredentialsSection;
import io.colimaservices.ui.credentials.CredentialsViewModel;
import io.colimaservices.ui.credentials.FakeCredentialService;
import io.colimaservices.ui.common.UiExecutors;
import io.colimaservices.ui.shell.MainView;
import io.colimaservices.ui.vault.FakeVaultOperations;
import io.colimaservices.ui.vault.VaultSection;
import io.colimaservices.ui.vault.VaultViewModel;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * Renders the Vault and Credentials pages against fakes and writes PNGs, for looking at them (run under Xvfb with
 * {@code -Dprism.order=sw}). Usage: {@code PageShots OUTPUT_DIR}.
 */
public final class PageShots {
    private static final int WIDTH = 1100;
    private static final int HEIGHT = 760;

    private PageShots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/screenshots");
        Files.createDirectories(out);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        // Each shot closes its window: the toolkit must outlive them.
        Platform.setImplicitExit(false);
        int status = 0;
        try {
            shoot(out);
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        Platform.exit();
        // Leftover toolkit threads must not keep a screenshot run alive.
        System.exit(status);
    }

    /** Runs on the FX thread and waits for it. */
    private static void fx(FxAction action) throws Exception {
        java.util.concurrent.FutureTask<Void> task = new java.util.concurrent.FutureTask<>(() -> {
            action.run();
            return null;
        });
        Platform.runLater(task);
        task.get();
    }

    @FunctionalInterface
    private interface FxAction {
        void run() throws Exception;
    }

    private static void shoot(Path out) throws Exception {
        fx(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        vault(out.resolve("vault-sealed.png"), fake -> fake.progress = 1, model -> {
            model.unsealing().shareInputProperty().set("share-2");
            model.unsealing().submitShare();
            model.unsealing().shareInputProperty().set("typed, never shown");
        });
        vault(out.resolve("vault-wrong-share.png"), fake -> fake.progress = 2, model -> {
            model.unsealing().shareInputProperty().set("wrong");
            model.unsealing().submitShare();
        });
        vault(out.resolve("vault-wizard.png"), fake -> {
            fake.phase = VaultPhase.UNINITIALIZED;
            fake.storedShares = 0;
            fake.rootToken = false;
        }, model -> { });
        vault(out.resolve("vault-wizard-stored.png"), fake -> {
            fake.phase = VaultPhase.UNINITIALIZED;
            fake.storedShares = 0;
            fake.rootToken = false;
        }, m -> m.wizard().initialize());
        vault(out.resolve("vault-bootstrap.png"), fake -> fake.phase = VaultPhase.UNSEALED, m -> m.bootstrapping().bootstrap());
        vault(out.resolve("vault-down.png"), fake -> fake.phase = VaultPhase.DOWN, model -> { });
        vault(out.resolve("vault-import.png"), fake -> fake.storedShares = 0,
                model -> model.imports().importFrom(model.imports().defaultImportDirectory()));
        credentials(out.resolve("credentials.png"), fake -> { }, VaultPhase.UNSEALED, model -> {
            model.copying().copyField("password");
        });
        credentials(out.resolve("credentials-sealed.png"), fake -> fake.sealed = true, VaultPhase.SEALED,
                model -> { });
        credentials(out.resolve("credentials-tls.png"), fake -> { }, VaultPhase.UNSEALED, model -> {
            select(model, "redis-1");
            model.details().formatProperty().set(ConnectionFormat.ENV);
            model.tls().setTls(false);
        });
        fx(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
        vault(out.resolve("vault-dark.png"), fake -> fake.progress = 2, model -> { });
        credentials(out.resolve("credentials-dark.png"), fake -> { }, VaultPhase.UNSEALED, model -> {
            select(model, "redis-1");
            model.copying().copyConnection();
        });
    }

    private static void select(CredentialsViewModel model, String service) {
        model.selectedProperty().set(model.services().stream().filter(e -> e.service().equals(service)).findFirst()
                .orElseThrow());
    }

    private static void credentials(Path file, Consumer<FakeCredentialService> setup, VaultPhase phase,
                                    Consumer<CredentialsViewModel> act) throws Exception {
        FakeCredentialService fake = new FakeCredentialService();
        setup.accept(fake);
        FakeVaultOperations vault = FakeVaultOperations.sealedWithStoredShares();
        vault.phase = phase;
        StackStore store = new StackStore(StackSnapshot.initial("colima-services",
                io.colimaservices.domain.Fixtures.smallStack(), java.util.Optional.empty(),
                "unix:///var/run/docker.sock", FakeVaultOperations.ADDRESS, "default").withVault(vault.state()));
        ClipboardKeeper keeper = new ClipboardKeeper(new MemoryClipboard(), Clock.systemUTC());
        CredentialsSection credentials = new CredentialsSection(fake, store, keeper, () -> Duration.ofSeconds(30),
                UiExecutors.direct(), Runnable::run);
        VaultSection vaultSection = new VaultSection(vault.useCase(), store, () -> { }, UiExecutors.direct(), Runnable::run);
        render(file, List.of(vaultSection, credentials), CredentialsSection.ID, () -> act.accept(credentials.model()));
    }

    private static void vault(Path file, Consumer<FakeVaultOperations> setup, Consumer<VaultViewModel> act)
            throws Exception {
        FakeVaultOperations fake = FakeVaultOperations.sealedWithStoredShares();
        setup.accept(fake);
        StackStore store = new StackStore(StackSnapshot.initial("colima-services",
                io.colimaservices.domain.Fixtures.smallStack(), java.util.Optional.empty(),
                "unix:///var/run/docker.sock", FakeVaultOperations.ADDRESS, "default").withVault(fake.state()));
        VaultSection section = new VaultSection(fake.useCase(), store, () -> store.update(s -> s.withVault(fake.state())),
                UiExecutors.direct(), Runnable::run);
        CredentialsSection credentials = new CredentialsSection(new FakeCredentialService(), store,
                new ClipboardKeeper(new MemoryClipboard(), Clock.systemUTC()), () -> Duration.ofSeconds(30),
                UiExecutors.direct(), Runnable::run);
        render(file, List.of(section, credentials), VaultSection.ID, () -> act.accept(section.model()));
    }

    /** Shows the page, acts, lets a few pulses pass (cells, skins), then writes the window's scene. */
    private static void render(Path file, List<Section> sections, String show, Runnable act) throws Exception {
        Stage[] stage = new Stage[1];
        MainView[] main = new MainView[1];
        fx(() -> {
            main[0] = new MainView(sections, new Region());
            main[0].show(show);
            Scene scene = new Scene(main[0].root(), WIDTH, HEIGHT);
            scene.getStylesheets().add(Objects.requireNonNull(
                    PageShots.class.getResource("/io/colimaservices/ui/app.css")).toExternalForm());
            stage[0] = new Stage();
            stage[0].setScene(scene);
            stage[0].show();
            main[0].windowShowing(true);
            act.run();
        });
        Thread.sleep(600);
        fx(() -> {
            write(stage[0].getScene().snapshot(null), file);
            main[0].windowShowing(false);
            stage[0].close();
        });
    }

    private static void write(WritableImage image, Path file) throws IOException {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage buffered = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        buffered.setRGB(0, 0, w, h, argb, 0, w);
        ImageIO.write(buffered, "png", file.toFile());
        System.out.println("wrote " + file);
    }
}
