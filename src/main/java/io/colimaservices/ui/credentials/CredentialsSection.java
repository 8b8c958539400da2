package io.colimaservices.ui.credentials;

import io.colimaservices.domain.CredentialService;
import io.colimaservices.domain.StackStore;
import io.colimaservices.ui.common.ClipboardKeeper;
import io.colimaservices.ui.common.Section;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** The dashboard's Credentials page; follows the store (Vault's state, the catalog) only while shown. */
public final class CredentialsSection implements Section {
    public static final String ID = "credentials";
    private static final Logger LOG = LoggerFactory.getLogger(CredentialsSection.class);

    private final StackStore store;
    private final Executor uiExecutor;
    private final CredentialsViewModel model;
    private AutoCloseable subscription;
    private CaTrustViewModel ca;

    /**
     * @param credentials the credentials use case ({@code context.useCases().credentials()})
     * @param store       the app's store: Vault's state and the catalog
     * @param clipboard   the app's one clipboard keeper, driven by a started {@code ClipboardAutoClear}
     * @param clearDelay  how long a copied value stays on the clipboard (settings; 30 s by default)
     * @param uiExecutor  the FX thread ({@code UiExecutors.fx()})
     * @param background  runs blocking calls (a virtual-thread-per-task executor)
     */
    public CredentialsSection(CredentialService credentials, StackStore store, ClipboardKeeper clipboard,
                              Supplier<Duration> clearDelay, Executor uiExecutor, Executor background) {
        this.store = store;
        this.uiExecutor = uiExecutor;
        this.model = new CredentialsViewModel(credentials, clipboard, clearDelay, uiExecutor, background);
    }

    /** Adds the CA panel (issue 21) below the page: the CA's trust with Trust/Untrust, certificates with Renew. */
    public CredentialsSection withCaPanel(CaTrustViewModel panel) {
        this.ca = panel;
        return this;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Credentials";
    }

    @Override
    public Ikon icon() {
        return Feather.KEY;
    }

    @Override
    public Node build() {
        Node page = new CredentialsView(model).root();
        return ca == null ? page : CaTrustPanel.below(page, ca);
    }

    @Override
    public void shown() {
        if (subscription == null) {
            subscription = store.relay(uiExecutor, model::show);
        }
        model.activate();
        if (ca != null) {
            ca.refresh();
        }
    }

    @Override
    public void hidden() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.debug("closing the store subscription: {}", e.getClass().getName());
            }
            subscription = null;
        }
    }

    public CredentialsViewModel model() {
        return model;
    }

    @Override
    public java.util.Optional<io.colimaservices.ui.common.ActionState> actionState() {
        return java.util.Optional.of(model.action());
    }
}
