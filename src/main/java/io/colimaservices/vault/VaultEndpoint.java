package io.colimaservices.vault;

import io.colimaservices.domain.UserError;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where Vault listens and, for {@code https}, the CA file that signs its certificate. Certificates are always
 * verified: there is no way to turn verification off.
 */
public record VaultEndpoint(URI address, Optional<Path> caFile) {
    public static final String DEFAULT_ADDRESS = "http://127.0.0.1:8200";

    public VaultEndpoint {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(caFile, "caFile");
    }

    /** @throws UserError of kind CONFIGURATION naming the option when the address or CA file is unusable */
    public static VaultEndpoint parse(String address, Optional<Path> caFile) {
        String text = address == null || address.isBlank() ? DEFAULT_ADDRESS : address.strip();
        URI uri;
        try {
            uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        } catch (URISyntaxException e) {
            throw badAddress(text);
        }
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                || (uri.getPath() != null && !uri.getPath().isEmpty())) {
            throw badAddress(text);
        }
        caFile.ifPresent(file -> {
            if (!Files.isReadable(file)) {
                throw new UserError(UserError.Kind.CONFIGURATION, "--vault-ca '" + file + "' is not a readable file",
                        "give the PEM file of the CA that signed Vault's certificate");
            }
        });
        return new VaultEndpoint(uri, caFile);
    }

    public String display() {
        return address.toString();
    }

    private static UserError badAddress(String text) {
        return new UserError(UserError.Kind.CONFIGURATION, "--vault-addr '" + text + "' is not a Vault address",
                "use http://HOST:PORT or https://HOST:PORT, e.g. " + DEFAULT_ADDRESS);
    }
}
