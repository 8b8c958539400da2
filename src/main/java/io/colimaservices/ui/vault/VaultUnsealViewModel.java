package io.colimaservices.ui.vault;

import io.colimaservices.domain.VaultPhase;
import io.colimaservices.domain.VaultState;
import io.colimaservices.ui.common.ActionState;
import io.colimaservices.ui.common.Notice;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Vault page's unseal panel: unseal with the stored shares, showing each one, or submit a typed share. A typed
 * share lives in {@link #shareInputProperty()} only until it is submitted.
 */
public final class VaultUnsealViewModel {
    private final VaultViewModel page;
    private final ActionState action;
    private final StringProperty shareInput = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper unsealLine = new ReadOnlyStringWrapper("");
    private final BooleanBinding canUnseal;
    private final BooleanBinding canSubmitShare;
    private int submitted;

    VaultUnsealViewModel(VaultViewModel page) {
        this.page = page;
        this.action = page.action();
        canUnseal = page.sealedProperty().and(action.busyProperty().not()).and(Bindings.createBooleanBinding(
                () -> page.storedKeysProperty().get().shares() > 0, page.storedKeysProperty()));
        canSubmitShare = page.sealedProperty().and(action.busyProperty().not()).and(Bindings.createBooleanBinding(
                () -> shareInput.get() != null && !shareInput.get().isBlank(), shareInput));
    }

    // ---- properties ----------------------------------------------------------------------------------------------

    /** The typed share (bound to a PasswordField); emptied as soon as it is submitted. */
    public StringProperty shareInputProperty() {
        return shareInput;
    }

    /** The stored-share unseal's progress: shares submitted and t/n. */
    public ReadOnlyStringProperty unsealLineProperty() {
        return unsealLine.getReadOnlyProperty();
    }

    public BooleanBinding canUnsealProperty() {
        return canUnseal;
    }

    public BooleanBinding canSubmitShareProperty() {
        return canSubmitShare;
    }

    // ---- commands ------------------------------------------------------------------------------------------------

    /** Submits the stored shares until Vault is unsealed, showing each step. */
    public void unseal() {
        if (!canUnseal.get()) {
            return;
        }
        submitted = 0;
        unsealLine.set("Submitting the stored shares…");
        action.start("Unsealing with the stored shares…",
                () -> page.vault().unsealWithStoredShares(action.work().onUi(this::shareAccepted)),
                outcome -> {
                    page.showState(outcome.state());
                    if (outcome.alreadyUnsealed()) {
                        unsealLine.set("");
                    }
                    page.say(outcome.alreadyUnsealed() ? Notice.info("Vault was already unsealed", "")
                            : Notice.success("Vault is unsealed", outcome.sharesSubmitted()
                            + " stored shares submitted."), VaultPhase.UNSEALED);
                    page.refresh();
                },
                "Unseal failed",
                e -> {
                    unsealLine.set("");
                    page.holdNoticeFor(VaultPhase.SEALED, VaultPhase.DOWN);
                    page.reloadState();
                });
    }

    private void shareAccepted(VaultState after) {
        submitted++;
        page.showState(after);
        String count = "Submitted " + submitted + (submitted == 1 ? " share" : " shares") + ": ";
        unsealLine.set(after.phase() == VaultPhase.UNSEALED ? count + "unsealed."
                : count + after.progress() + "/" + after.threshold() + ".");
    }

    /** Submits the typed share; the input is cleared at once, whatever Vault says. */
    public void submitShare() {
        String share = shareInput.get();
        shareInput.set("");
        if (share == null || share.isBlank() || !page.sealedProperty().get() || action.isBusy()) {
            return;
        }
        action.start("Submitting the share…", () -> page.vault().submitShare(share),
                outcome -> {
                    page.showState(outcome.state());
                    VaultState s = outcome.state();
                    page.say(outcome.alreadyUnsealed() ? Notice.info("Vault was already unsealed", "")
                            : s.phase() == VaultPhase.UNSEALED ? Notice.success("Vault is unsealed", "")
                            : Notice.info("Share accepted", "Progress " + s.progress() + "/" + s.threshold()
                            + ": " + (s.threshold() - s.progress()) + " more needed."), s.phase());
                    page.refresh();
                },
                "The share was not accepted",
                e -> page.reloadState());
    }
}
