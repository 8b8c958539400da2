package io.colimaservices.ui.vault;

import io.colimaservices.domain.StackStore;
import io.colimaservices.domain.VaultOperations;
import io.colimaservices.ui.common.FileChoices;
import io.colimaservices.ui.common.Section;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.util.Duration;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executor;

/**
 * The dashboard's Vault page. While shown it follows the store's Vault state and asks for a fresh one every
 * {@value #POLL_SECONDS} seconds (so a share submitted from the CLI shows up); hidden, it reads nothing.
 */
public final class VaultSection implements Section {
    public static final String ID = "vault";
    static final int POLL_SECONDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(VaultSection.class);

    private final StackStore store;
    private final Runnable refreshVault;
    private final Executor uiExecutor;
    private final FileChoices files;
    private final VaultViewModel model;
    private AutoCloseable subscription;
    private Timeline poll;

    /**
     * @param operations   the Vault use case ({@code context.useCases().vault()})
     * @param store        the app's store; the page shows its {@code vault()} state
     * @param refreshVault asks for a fresh Vault state without blocking ({@code vaultWatcher::refresh})
     * @param uiExecutor   the FX thread ({@code UiExecutors.fx()})
     * @param background   runs blocking calls (a virtual-thread-per-task executor)
     */
    public VaultSection(VaultOperations operations, StackStore store, Runnable refreshVault, Executor uiExecutor,
                        Executor background) {
        this(operations, store, refreshVault, uiExecutor, background, FileChoices.system());
    }

    /** As above, with the file choosers to use (tests answer them without native dialogs). */
    public VaultSection(VaultOperations operations, StackStore store, Runnable refreshVault, Executor uiExecutor,
                        Executor background, FileChoices files) {
        this.store = store;
        this.refreshVault = refreshVault;
        this.uiExecutor = uiExecutor;
        this.files = files;
        this.model = new VaultViewModel(operations, uiExecutor, background, refreshVault);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Vault";
    }

    @Override
    public Ikon icon() {
        return Feather.LOCK;
    }

    @Override
    public Node build() {
        model.showState(store.current().vault());
        return new VaultView(model, files).root();
    }

    @Override
    public void shown() {
        if (subscription == null) {
            subscription = store.relay(uiExecutor, s -> model.showState(s.vault()));
        }
        model.activate();
        if (poll == null) {
            poll = new Timeline(new KeyFrame(Duration.seconds(POLL_SECONDS), e -> refreshVault.run()));
            poll.setCycleCount(Animation.INDEFINITE);
        }
        poll.play();
    }

    @Override
    public void hidden() {
        if (poll != null) {
            poll.stop();
        }
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.debug("closing the store subscription: {}", e.getClass().getName());
            }
            subscription = null;
        }
    }

    /** The page's ViewModel (tests, and the app's "unseal" menu item could reuse it). */
    public VaultViewModel model() {
        return model;
    }
}
