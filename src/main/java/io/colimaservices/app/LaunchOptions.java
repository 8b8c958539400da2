package io.colimaservices.app;

import io.colimaservices.docker.DockerHostResolver;
import io.colimaservices.vault.VaultEndpoint;

import java.nio.file.Path;
import java.util.Map;
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

    /**
     * Checks what can be checked before anything starts, so a bad option is one clear line rather than a failure in
     * the middle of the app's start: the Vault address and CA file, the Docker host ({@code --docker-host}, else
     * {@code DOCKER_HOST} in {@code environment}). A missing or bad compose file is not an error here: the app starts
     * and shows it.
     *
     * @throws UserError of kind CONFIGURATION naming the option
     */
    public void checkUsable(Map<String, String> environment) {
        VaultEndpoint.parse(vaultAddress, vaultCaFile);
        new DockerHostResolver(environment, Optional::empty).resolve(dockerHost);
    }

    public static LaunchOptions defaults() {
        return new LaunchOptions(Optional.empty(), DEFAULT_PROJECT, Optional.empty());
    }
}
