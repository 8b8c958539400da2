package io.colimaservices.domain;

import java.util.Optional;

/**
 * Where the app keeps what unlocks Vault: unseal key shares and tokens (see {@link SecretNames}). The macOS login
 * Keychain, the Linux Secret Service, or, where neither answers, a file readable by the user alone. Nothing else
 * in the app ever writes such a value to disk. Failures are {@link UserError}s naming the store, never the value.
 */
public interface SecretStore {

    Optional<String> read(String name);

    /** Creates or replaces the value stored under {@code name}. */
    void write(String name, String value);

    /** Removes the value; returns whether there was one. */
    boolean delete(String name);

    /** Where the values go, for messages: "the macOS login Keychain", "the file /x/y (readable by you only)". */
    String description();

    /** True for the file fallback: weaker than a keychain (any process of the user can read it). */
    boolean weaker();
}
