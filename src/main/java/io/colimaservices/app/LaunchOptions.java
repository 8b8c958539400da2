package io.colimaservices.app;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What the user chose at launch (command-line options); everything else comes from settings or defaults.
 *
 * @param vaultAddress Vault's address ({@code --vault-addr})
 * @param vaultCaFile  the CA file that signs Vault's certificate, for https ({@code --vault-ca})
 * @param colima       the colima executable ({@code --colima}); empty to look for it
 */
public record LaunchOptions(Optional<Path> composeFile, String projectName, Optional<String> dockerHost,
                            String vaultAddress, Optional<Path> vaultCaFile, Optional<Path> colima) {
    public static final String DEFAULT_PROJECT = "colima-services";
    public static final String DEFAULT_VAULT_ADDRESS = "http://127.0.0.1:8200";

    public LaunchOptions {
        Objects.requireNonNull(composeFile, "composeFile");
        Objects.requireNonNull(projectName, "projectName");
        Objects.requireNonNull(dockerHost, "dockerHost");
        Objects.requireNonNull(vaultAddress, "vaultAddress");
        Objects.requireNonNull(vaultCaFile, "vaultCaFile");
        Objects.requireNonNull(colima, "colima");
    }

    public LaunchOptions(Optional<Path> composeFile, String projectName, Optional<String> dockerHost,
                         String vaultAddress, Optional<Path> vaultCaFile) {
        this(composeFile, projectName, dockerHost, vaultAddress, vaultCaFile, Optional.empty());
    }

    public LaunchOptions(Optional<Path> composeFile, String projectName, Optional<String> dockerHost) {
        this(composeFile, projectName, dockerHost, DEFAULT_VAULT_ADDRESS, Optional.empty());
    }

    public static LaunchOptions defaults() {
        return new LaunchOptions(Optional.empty(), DEFAULT_PROJECT, Optional.empty());
    }
}
