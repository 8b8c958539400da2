package io.colimaservices.domain;

/** Where the stack's CA chain comes from (Vault's PKI mounts: docs/vault-contract.md). */
public interface CaSource {

    /**
     * The chain as it is now.
     *
     * @throws UserError of kind {@link UserError.Kind#VAULT} when the CA cannot be read (Vault down, sealed, no PKI
     *                   yet), naming the address and what to run
     */
    CaChain chain();

    /** Where it is read, for messages ("Vault at http://127.0.0.1:8200"). */
    String description();
}
