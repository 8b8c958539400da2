package io.colimaservices.vault;

import com.fasterxml.jackson.databind.JsonNode;
import io.colimaservices.domain.UserError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the original project left in {@code ~/.config/vault/} (STACK-FACTS.md): {@code keys.json}, the whole
 * {@code sys/init} response ({@code keys}, {@code keys_base64}, {@code root_token}, ...), and {@code root-token}, the
 * token again. {@link #toString()} shows counts and paths only.
 */
public record OriginalKeys(List<String> shares, Optional<String> rootToken, List<Path> files) {
    public static final String KEYS_FILE = "keys.json";
    public static final String TOKEN_FILE = "root-token";

    public OriginalKeys {
        shares = List.copyOf(shares);
        files = List.copyOf(files);
    }

    /** The original layout's directory for a home directory. */
    public static Path defaultDirectory(Path home) {
        return home.resolve(".config").resolve("vault");
    }

    /**
     * Reads what is there; empty when neither file exists.
     *
     * @throws UserError of kind CONFIGURATION naming the file when it is not what the original project wrote (the
     *                   message never quotes the file)
     */
    public static Optional<OriginalKeys> read(Path dir) {
        Path keysFile = dir.resolve(KEYS_FILE);
        Path tokenFile = dir.resolve(TOKEN_FILE);
        List<String> shares = new ArrayList<>();
        Optional<String> token = Optional.empty();
        List<Path> found = new ArrayList<>();
        if (Files.isRegularFile(keysFile)) {
            JsonNode json;
            try {
                json = VaultHttp.MAPPER.readTree(Files.readAllBytes(keysFile));
            } catch (IOException e) {
                // Jackson's message quotes the input around the error: never pass it on.
                throw new UserError(UserError.Kind.CONFIGURATION, keysFile + " is not valid JSON",
                        "it should hold Vault's sys/init response ({\"keys\": [...], \"root_token\": ...})");
            }
            // "keys" are hex, "keys_base64" the same shares in base64: Vault takes either; hex first.
            JsonNode list = json.path("keys").isArray() && !json.path("keys").isEmpty()
                    ? json.path("keys") : json.path("keys_base64");
            list.forEach(k -> {
                if (!k.asText("").isBlank()) {
                    shares.add(k.asText().strip());
                }
            });
            token = Optional.of(json.path("root_token").asText("").strip()).filter(t -> !t.isEmpty());
            found.add(keysFile);
        }
        if (Files.isRegularFile(tokenFile)) {
            try {
                String fromFile = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
                if (token.isEmpty() && !fromFile.isEmpty()) {
                    token = Optional.of(fromFile);
                }
            } catch (IOException e) {
                throw new UserError(UserError.Kind.CONFIGURATION, "cannot read " + tokenFile + ": "
                        + e.getClass().getSimpleName());
            }
            found.add(tokenFile);
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new OriginalKeys(shares, token, found));
    }

    @Override
    public String toString() {
        return "OriginalKeys[" + shares.size() + " shares, root token " + (rootToken.isPresent() ? "present" : "absent")
                + ", files " + files + "]";
    }
}
