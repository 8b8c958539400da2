package io.colimaservices.docker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.colimaservices.domain.ImageReference;
import io.colimaservices.domain.RegistryCredentials;
import io.colimaservices.domain.RegistryLogin;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registry logins as the docker CLI keeps them, read the way the CLI reads them ({@code cli/config}):
 * {@code $DOCKER_CONFIG/config.json} (default {@code ~/.docker/config.json}); a registry's helper is
 * {@code credHelpers[registry]}, else {@code credsStore}; a helper that has no login for it falls back to the
 * file's {@code auths} entry (user and password base64-encoded in {@code auth}, or an {@code identitytoken}).
 * Docker Hub is keyed {@code https://index.docker.io/v1/}, any other registry by its host; an {@code auths} key
 * written with a scheme or a path ({@code https://ghcr.io/v2/}) matches its host.
 *
 * <p>A helper is found on the environment's {@code PATH}, then in Homebrew's and Docker Desktop's folders: an app
 * started from the Finder has none of them on its {@code PATH}.
 */
public final class DockerConfigCredentials implements RegistryCredentials {
    static final String HUB_SERVER = "https://index.docker.io/v1/";
    /** Generous: the macOS keychain may ask the user before it answers. */
    public static final Duration HELPER_DEADLINE = Duration.ofSeconds(30);
    private static final List<String> HELPER_FOLDERS = List.of("/opt/homebrew/bin", "/usr/local/bin",
            "/Applications/Docker.app/Contents/Resources/bin");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> environment;
    private final Path home;
    private final Duration helperDeadline;

    /** @param environment the app's environment: {@code DOCKER_CONFIG}, {@code PATH}, and what helpers need */
    public DockerConfigCredentials(Map<String, String> environment, Path home, Duration helperDeadline) {
        this.environment = Map.copyOf(environment);
        this.home = home;
        this.helperDeadline = helperDeadline;
    }

    Path configFile() {
        String configured = environment.get("DOCKER_CONFIG");
        Path directory = configured != null && !configured.isBlank() ? Path.of(configured) : home.resolve(".docker");
        return directory.resolve("config.json");
    }

    @Override
    public Lookup lookup(String registry) {
        String server = registry.equals(ImageReference.DOCKER_HUB) ? HUB_SERVER : registry;
        Path file = configFile();
        if (!Files.isRegularFile(file)) {
            return Lookup.none();
        }
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            // Not Jackson's message: it quotes the text it choked on, which may be a password.
            return Lookup.failed(file + " is not valid JSON (line " + e.getLocation().getLineNr() + ")");
        } catch (IOException e) {
            return Lookup.failed(file + " cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            return Lookup.none();
        }
        Optional<RegistryLogin> fromFile = fileLogin(root.path("auths"), server);
        Optional<String> helperName = helperName(root, server);
        if (helperName.isPresent()) {
            String executable = "docker-credential-" + helperName.get();
            Optional<Path> found = findHelper(executable);
            if (found.isEmpty()) {
                return new Lookup(fromFile, fromFile.isPresent() ? file.toString() : "",
                        Optional.of(executable + " (named in " + file + ") is not installed"));
            }
            CredentialHelper.Answer answer = new CredentialHelper(found.get(), environment, helperDeadline)
                    .get(server);
            if (answer.login().isPresent()) {
                return Lookup.found(answer.login().get(), "credential helper " + executable);
            }
            if (answer.problem().isPresent()) {
                return new Lookup(fromFile, fromFile.isPresent() ? file.toString() : "", answer.problem());
            }
        }
        return fromFile.map(login -> Lookup.found(login, file.toString())).orElse(Lookup.none());
    }

    private static Optional<String> helperName(JsonNode root, String server) {
        String specific = root.path("credHelpers").path(server).asText("");
        if (!specific.isBlank()) {
            return Optional.of(specific.strip());
        }
        String store = root.path("credsStore").asText("");
        return store.isBlank() ? Optional.empty() : Optional.of(store.strip());
    }

    /** The {@code auths} entry for the server: its exact key first, else a key whose host is the server. */
    private static Optional<RegistryLogin> fileLogin(JsonNode auths, String server) {
        if (!auths.isObject()) {
            return Optional.empty();
        }
        JsonNode entry = auths.get(server);
        if (entry == null) {
            Iterator<Map.Entry<String, JsonNode>> fields = auths.fields();
            while (fields.hasNext() && entry == null) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (hostOf(field.getKey()).equals(server)) {
                    entry = field.getValue();
                }
            }
        }
        if (entry == null || !entry.isObject()) {
            return Optional.empty();
        }
        String token = entry.path("identitytoken").asText("");
        String auth = entry.path("auth").asText("");
        String user = entry.path("username").asText("");
        String password = entry.path("password").asText("");
        if (!auth.isEmpty()) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(auth.strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                return Optional.empty();
            }
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                user = decoded.substring(0, colon);
                password = decoded.substring(colon + 1);
            }
        }
        if (token.isEmpty() && password.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RegistryLogin(server, token.isEmpty() ? user : "", token.isEmpty() ? password : "",
                token));
    }

    /** The docker CLI's ConvertToHostname: no scheme, nothing after the first slash. */
    static String hostOf(String key) {
        String host = key.replaceFirst("^https?://", "");
        int slash = host.indexOf('/');
        return slash < 0 ? host : host.substring(0, slash);
    }

    private Optional<Path> findHelper(String executable) {
        List<String> folders = new ArrayList<>();
        for (String folder : environment.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!folder.isBlank()) {
                folders.add(folder);
            }
        }
        folders.addAll(HELPER_FOLDERS);
        for (String folder : folders) {
            Path candidate = Path.of(folder).resolve(executable);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
