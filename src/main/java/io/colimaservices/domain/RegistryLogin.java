package io.colimaservices.domain;

import java.util.Objects;

/**
 * What the engine needs to sign in to a registry for a pull: a user name and password, or an identity token (what
 * {@code docker login} stores for registries that use OAuth). Holds secrets: its {@code toString} shows neither.
 *
 * @param serverAddress the registry as the docker CLI names it ({@code https://index.docker.io/v1/} for Docker Hub)
 * @param identityToken empty unless the registry gave one
 */
public record RegistryLogin(String serverAddress, String username, String password, String identityToken) {
    public RegistryLogin {
        Objects.requireNonNull(serverAddress, "serverAddress");
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        identityToken = identityToken == null ? "" : identityToken;
    }

    @Override
    public String toString() {
        return "RegistryLogin[" + serverAddress + ", user " + (username.isEmpty() ? "-" : "set") + ", secret "
                + (password.isEmpty() && identityToken.isEmpty() ? "none" : "redacted") + "]";
    }
}
