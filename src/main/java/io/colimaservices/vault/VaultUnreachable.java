package io.colimaservices.vault;

import io.colimaservices.domain.UserError;

/** Vault did not answer in time (or refused the connection): nothing was submitted, so nothing to undo. */
public final class VaultUnreachable extends UserError {
    public VaultUnreachable(String message, String hint) {
        super(Kind.VAULT, message, hint);
    }
}
