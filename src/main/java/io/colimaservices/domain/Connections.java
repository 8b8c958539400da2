package io.colimaservices.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where the app finds Vault and Docker, when the user chose it in Preferences (the launch options
 * {@code --vault-addr}, {@code --vault-ca} and {@code --docker-host} still win for that run). Empty: the defaults
 * (Vault at {@code http://127.0.0.1:8200}; Docker from {@code DOCKER_HOST}, the Colima socket, the default socket).
 * Checked when made, so a saved setting is always usable.
 *
 * @param vaultCaFile the PEM file of the CA that signs Vault's certificate, for an https address
 */
public record Connections(Optional<String> vaultAddress, Optional<Path> vaultCaFile, Optional<String> dockerHost) {
    private static final Set<String> DOCKER_SCHEMES = Set.of("unix", "tcp", "npipe", "ssh");

    /** @throws UserError of kind CONFIGURATION naming the field and what it should look like */
    public Connections {
        vaultAddress = Objects.requireNonNull(vaultAddress, "vaultAddress").map(String::strip).filter(a -> !a.isEmpty());
        Objects.requireNonNull(vaultCaFile, "vaultCaFile");
        dockerHost = Objects.requireNonNull(dockerHost, "dockerHost").map(String::strip).filter(h -> !h.isEmpty());
        vaultAddress.ifPresent(Connections::checkVaultAddress);
        boolean https = vaultAddress.filter(a -> a.startsWith("https://")).isPresent();
        vaultCaFile.ifPresent(file -> {
            if (!file.isAbsolute()) {
                throw new UserError(UserError.Kind.CONFIGURATION, "Vault CA file '" + file + "' is not an absolute path",
                        "choose the PEM file of the CA that signed Vault's certificate");
            }
            if (!https) {
                throw new UserError(UserError.Kind.CONFIGURATION, "a Vault CA file is only used with an https address",
                        "set the Vault address to https://HOST:PORT, or clear the CA file");
            }
        });
        dockerHost.ifPresent(Connections::checkDockerHost);
    }

    public static Connections none() {
        return new Connections(Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static void checkVaultAddress(String address) {
        URI uri = uri(address);
        boolean ok = uri != null && uri.getHost() != null
                && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                && (uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"));
        if (!ok) {
            throw new UserError(UserError.Kind.CONFIGURATION, "Vault address '" + address + "' is not a Vault address",
                    "use http://HOST:PORT or https://HOST:PORT, e.g. http://127.0.0.1:8200");
        }
    }

    private static void checkDockerHost(String host) {
        URI uri = host.startsWith("/") ? uri("unix://" + host) : uri(host);
        if (uri == null || uri.getScheme() == null || !DOCKER_SCHEMES.contains(uri.getScheme())) {
            throw new UserError(UserError.Kind.CONFIGURATION, "Docker host '" + host + "' is not a Docker host",
                    "use unix:///path/to/docker.sock or tcp://HOST:PORT");
        }
    }

    private static URI uri(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
