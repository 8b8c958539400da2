package io.colimaservices.ui.screenshots;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.StackStore;
import io.colimaservices.domain.VaultPhase;
import io.colimaservices.ui.common.Section;
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
        CountDownLatch done = new CountDownLatch(1);
        Platform.startup(() -> {
            try {
                shoot(out);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                done.countDown();
            }
        });
        done.await();
        Platform.exit();
    }

    private static void shoot(Path out) throws IOException {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        vault(out.resolve("vault-sealed.png"), fake -> {
            fake.progress = 1;
        }, model -> model.shareInputProperty().set("share-9x"));
        vault(out.resolve("vault-wrong-share.png"), fake -> fake.progress = 2, model -> {
            model.shareInputProperty().set("wrong");
            model.submitShare();
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
        }, VaultViewModel::initialize);
        vault(out.resolve("vault-bootstrap.png"), fake -> fake.phase = VaultPhase.UNSEALED, VaultViewModel::bootstrap);
        vault(out.resolve("vault-down.png"), fake -> fake.phase = VaultPhase.DOWN, model -> { });
        vault(out.resolve("vault-import.png"), fake -> fake.storedShares = 0,
                model -> model.importFrom(model.defaultImportDirectory()));
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        vault(out.resolve("vault-dark.png"), fake -> fake.progress = 2, model -> { });
    }

    private static void vault(Path file, Consumer<FakeVaultOperations> setup, Consumer<VaultViewModel> act)
            throws IOException {
        FakeVaultOperations fake = FakeVaultOperations.sealedWithStoredShares();
        setup.accept(fake);
        StackStore store = new StackStore(StackSnapshot.initial("colima-services",
                io.colimaservices.domain.Fixtures.smallStack(), java.util.Optional.empty(),
                "unix:///var/run/docker.sock", FakeVaultOperations.ADDRESS, "default").withVault(fake.state()));
        VaultSection section = new VaultSection(fake, store, () -> store.update(s -> s.withVault(fake.state())),
                UiExecutors.direct(), Runnable::run);
        render(file, List.of(section), () -> act.accept(section.model()));
    }

    private static void render(Path file, List<Section> sections, Runnable act) throws IOException {
        MainView main = new MainView(sections, new Region());
        Scene scene = new Scene(main.root(), WIDTH, HEIGHT);
        scene.getStylesheets().add(Objects.requireNonNull(
                PageShots.class.getResource("/io/colimaservices/ui/app.css")).toExternalForm());
        Stage stage = new Stage();
        stage.setScene(scene);
        stage.show();
        main.windowShowing(true);
        act.run();
        write(scene.snapshot(null), file);
        main.windowShowing(false);
        stage.close();
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
