package io.colimaservices.domain;

/**
 * The services' secrets where the stack keeps them (Vault's KV engine, read with the app's daily token), and the
 * connection strings a client on this computer uses. Reading fails with a {@link UserError} of kind VAULT (sealed,
 * down, no such secret); nothing here logs or keeps a value.
 */
public interface ServiceSecrets {

    /** The secret at {@code path} (under {@code secret/}). @throws UserError when it does not exist */
    KvSecret read(String path);

    /**
     * The connection string for {@code service} in {@code format}, from its secret (TLS when the secret's flag is
     * on). The result holds a password unless the caller passed a masked secret.
     *
     * @throws UserError of kind CONFIGURATION when the service's kind has no such format
     */
    String connectionString(ServiceDefinition service, KvSecret secret, ConnectionFormat format);
}
