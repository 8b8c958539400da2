package io.colimaservices.domain;

/**
 * Vault's seal lifecycle, as the app needs it: ask the state, initialize once, submit unseal shares. Needs no
 * token (these endpoints are unauthenticated by design). Implementations give every call a deadline; failures the
 * user can act on are {@link UserError}s of kind {@link UserError.Kind#VAULT} whose messages carry no secret.
 */
public interface VaultGateway {

    /** The address in use, e.g. {@code http://127.0.0.1:8200}. */
    String address();

    /** Asks Vault for its state; never throws: an unreachable Vault is {@link VaultPhase#DOWN}. */
    VaultState status();

    /** Initializes an uninitialized Vault; the result holds the shares and the root token (handle with care). */
    InitResult initialize(int shares, int threshold);

    /**
     * Submits one unseal key share. Returns the state after it (progress, or unsealed). A share Vault refuses is a
     * UserError carrying Vault's own message, never the share.
     */
    VaultState submitUnsealShare(String share);

    /** Discards the shares submitted so far ({@code reset: true}). */
    VaultState resetUnseal();
}
