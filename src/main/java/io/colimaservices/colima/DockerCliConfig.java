package io.colimaservices.colima;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The docker CLI's current context, read the way the CLI reads it: {@code DOCKER_CONTEXT}, else
 * {@code currentContext} in {@code $DOCKER_CONFIG/config.json} (default {@code ~/.docker}), else {@code default};
 * a named context's endpoint is {@code Endpoints.docker.Host} in
 * {@code contexts/meta/<sha256 of the name>/meta.json}. The {@code default} context means
 * {@code unix:///var/run/docker.sock} when {@code DOCKER_HOST} is unset.
 */
final class DockerCliConfig {
    static final String DEFAULT_CONTEXT = "default";
    static final String DEFAULT_HOST = "unix:///var/run/docker.sock";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, String> environment;
    private final Path home;

    DockerCliConfig(Map<String, String> environment, Path home) {
        this.environment = Map.copyOf(environment);
        this.home = home;
    }

    /**
     * @param source where the name came from ({@code DOCKER_CONTEXT}, the config file, or "no context chosen")
     * @param host the endpoint; empty when the context's metadata cannot be read ({@code problem} says why)
     */
    record CurrentContext(String name, String source, Optional<String> host, Optional<String> problem) {
    }

    Path directory() {
        String configured = environment.get("DOCKER_CONFIG");
        return configured != null && !configured.isBlank() ? Path.of(configured) : home.resolve(".docker");
    }

    CurrentContext current() {
        String fromEnv = environment.get("DOCKER_CONTEXT");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return resolve(fromEnv.strip(), "DOCKER_CONTEXT");
        }
        Path config = directory().resolve("config.json");
        if (!Files.isRegularFile(config)) {
            return resolve(DEFAULT_CONTEXT, "no context chosen");
        }
        try {
            JsonNode root = MAPPER.readTree(Files.readString(config, StandardCharsets.UTF_8));
            String name = root == null ? "" : root.path("currentContext").asText("");
            return resolve(name.isBlank() ? DEFAULT_CONTEXT : name, config.toString());
        } catch (IOException e) {
            return new CurrentContext(DEFAULT_CONTEXT, config.toString(), Optional.of(DEFAULT_HOST),
                    Optional.of(config + " cannot be read: " + e.getMessage()));
        }
    }

    private CurrentContext resolve(String name, String source) {
        if (name.equals(DEFAULT_CONTEXT)) {
            return new CurrentContext(name, source, Optional.of(DEFAULT_HOST), Optional.empty());
        }
        Path meta = directory().resolve("contexts").resolve("meta").resolve(sha256(name)).resolve("meta.json");
        if (!Files.isRegularFile(meta)) {
            return new CurrentContext(name, source, Optional.empty(),
                    Optional.of("context '" + name + "' does not exist (no " + meta + ")"));
        }
        try {
            JsonNode root = MAPPER.readTree(Files.readString(meta, StandardCharsets.UTF_8));
            String host = root == null ? "" : root.path("Endpoints").path("docker").path("Host").asText("");
            return host.isBlank()
                    ? new CurrentContext(name, source, Optional.empty(),
                            Optional.of("context '" + name + "' has no docker endpoint in " + meta))
                    : new CurrentContext(name, source, Optional.of(host), Optional.empty());
        } catch (IOException e) {
            return new CurrentContext(name, source, Optional.empty(),
                    Optional.of(meta + " cannot be read: " + e.getMessage()));
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
