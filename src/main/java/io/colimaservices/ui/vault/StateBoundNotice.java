package io.colimaservices.ui.vault;

import io.colimaservices.domain.VaultPhase;
import io.colimaservices.ui.common.ActionState;
import io.colimaservices.ui.common.Notice;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The Vault page's message follows Vault's state: a message about a state (e.g. "bootstrapped... can start" while
 * unsealed, "Unseal failed" while sealed) goes once Vault leaves it. Any other message holds until replaced. UI
 * thread only.
 */
final class StateBoundNotice {
    private final ActionState action;
    /** The phases the shown message is about; null: any (or no message). */
    private Set<VaultPhase> holdsFor;

    StateBoundNotice(ActionState action) {
        this.action = action;
        action.noticeProperty().addListener((o, was, now) -> holdsFor = null);
    }

    /** Shows {@code message} for as long as Vault stays in one of {@code phases}. */
    void say(Notice message, VaultPhase... phases) {
        action.show(message);
        holdFor(phases);
    }

    /** The message shown now (a failure the action showed) holds only while Vault is in one of {@code phases}. */
    void holdFor(VaultPhase... phases) {
        holdsFor = action.noticeProperty().get() == null ? null : EnumSet.copyOf(List.of(phases));
    }

    /** Vault is now in {@code phase}: a message about a state it has left goes (an unknown phase says nothing). */
    void follow(VaultPhase phase) {
        if (holdsFor != null && phase != VaultPhase.UNKNOWN && !holdsFor.contains(phase)) {
            action.dismiss();
        }
    }
}
