package io.colimaservices.vault;

import io.colimaservices.domain.UserError;
import io.github.jopenlibs.vault.EnvironmentLoader;
import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;

import java.io.Serial;

/**
 * Builds vault-java-driver instances that share {@link VaultHttp}'s client and deadlines. Used for the calls the
 * driver does well with our client: {@code sys/health} and KV v2 read and check-and-set write.
 */
final class VaultDriver {

    /** The driver reads VAULT_TOKEN, VAULT_ADDR and VAULT_SSL_* from the environment when a value is unset: never. */
    private static final class NoEnvironment extends EnvironmentLoader {
        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public String loadVariable(String name) {
            return null;
        }
    }

    private VaultDriver() {
    }

    static Vault create(VaultHttp http, String token) {
        try {
            VaultConfig config = new VaultConfig()
                    .environmentLoader(new NoEnvironment())
                    .address(http.endpoint().display())
                    .token(token == null ? "" : token)
                    // The connect timeout lives on the shared client; the driver turns this one into the
                    // per-request deadline.
                    .openTimeout((int) VaultHttp.CONNECT_TIMEOUT.toSeconds())
                    .readTimeout((int) http.requestTimeout().toSeconds())
                    .httpClient(http.client())
                    .engineVersion(2)
                    .build();
            // Vault.create(config) without the engine-version flag: no sys/mounts probe behind our back.
            return Vault.create(config);
        } catch (VaultException e) {
            throw new UserError(UserError.Kind.CONFIGURATION, "cannot configure the Vault client for "
                    + http.endpoint().display(), "", e);
        }
    }
}
