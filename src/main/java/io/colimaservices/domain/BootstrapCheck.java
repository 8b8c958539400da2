package io.colimaservices.domain;

import java.util.Optional;

/**
 * Whether Vault holds what {@code vault bootstrap} makes, asked of Vault itself (the setup checklist's
 * {@code vault-bootstrap} step): never a flag written once.
 */
@FunctionalInterface
public interface BootstrapCheck {
    /**
     * The first thing bootstrap has not made yet, in words that name it (never a value); empty when bootstrap is
     * done.
     *
     * @throws UserError of kind VAULT when Vault is down, uninitialized or sealed
     */
    Optional<String> missing();
}
