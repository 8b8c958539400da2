package io.colimaservices.ui.vault;

import io.colimaservices.domain.VaultOperations.BootstrapOutcome;
import io.colimaservices.domain.VaultPhase;
import io.colimaservices.ui.common.ActionState;
import io.colimaservices.ui.common.Notice;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The Vault page's bootstrap panel: bootstrap an initialized, unsealed Vault (safe to run again: it only adds what
 * is missing), every line of it shown; the wizard's last step shows its lines here too.
 */
public final class VaultBootstrapViewModel {
    private final VaultViewModel page;
    private final ActionState action;
    private final ObservableList<String> progressLines = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyProgressLines =
            FXCollections.unmodifiableObservableList(progressLines);
    private final BooleanBinding canBootstrap;

    VaultBootstrapViewModel(VaultViewModel page) {
        this.page = page;
        this.action = page.action();
        canBootstrap = page.unsealedProperty().and(action.busyProperty().not()).and(Bindings.createBooleanBinding(
                () -> page.storedKeysProperty().get().rootToken(), page.storedKeysProperty()));
    }

    /** Bootstrap's progress lines (also the wizard's unseal steps). */
    public ObservableList<String> progressLines() {
        return readOnlyProgressLines;
    }

    public BooleanBinding canBootstrapProperty() {
        return canBootstrap;
    }

    /** Bootstrap on an initialized, unsealed Vault. */
    public void bootstrap() {
        if (!canBootstrap.get()) {
            return;
        }
        run("Bootstrapping…", line -> page.vault().bootstrap(line), () -> { });
    }

    /**
     * Runs a bootstrap ({@code how}: with or without unsealing first), its lines shown; then its summary, the keys
     * read again and {@code done}; on failure the state read again.
     */
    void run(String activity, Function<Consumer<String>, BootstrapOutcome> how, Runnable done) {
        progressLines.clear();
        Consumer<String> line = action.work().onUi(progressLines::add);
        action.start(activity, () -> counted(how, line),
                result -> {
                    done.run();
                    page.say(summary(result), VaultPhase.UNSEALED);
                    page.loadKeys();
                },
                "Bootstrap failed",
                e -> page.reloadState());
    }

    void clearLines() {
        progressLines.clear();
    }

    private record Bootstrapped(BootstrapOutcome outcome, int changes, String store, boolean weak) {
    }

    private Bootstrapped counted(Function<Consumer<String>, BootstrapOutcome> how, Consumer<String> line) {
        int[] changes = {0};
        BootstrapOutcome outcome = how.apply(l -> {
            // Arming runs every time and unsealing first (the wizard) is no change to what Vault holds.
            if (!l.startsWith("armed ") && !l.startsWith("unseal") && !l.startsWith("share accepted")) {
                changes[0]++;
            }
            line.accept(l);
        });
        return new Bootstrapped(outcome, changes[0], page.vault().storeDescription(), page.vault().weakerStore());
    }

    private static Notice summary(Bootstrapped done) {
        BootstrapOutcome o = done.outcome();
        String summary = o.secrets() + " secrets, CA chain at " + o.caChain() + ", app token in " + done.store()
                + ", vault-agent armed for " + o.armedServices() + " services.";
        if (o.appTokenCreated() && done.weak()) {
            // A success is never in a warning's colour: the weaker store is said in the detail (and the keys line).
            return Notice.success("Bootstrap done", summary + "\n" + VaultViewModel.WEAK_STORE_WARNING);
        }
        return Notice.success(done.changes() == 0 ? "Vault already had everything; nothing was changed"
                : "Bootstrap done", summary);
    }
}
