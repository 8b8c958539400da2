package io.colimaservices.colima;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where Colima keeps its profiles: {@code $COLIMA_HOME}, else {@code ~/.colima}, else
 * {@code $XDG_CONFIG_HOME/colima}, else {@code ~/.config/colima} (the first that exists). A profile's Docker
 * socket is {@code <dir>/<profile>/docker.sock}; a hard-coded {@code ~/.colima/default} is wrong for some users.
 */
public final class ColimaPaths {
    public static final String DEFAULT_PROFILE = "default";

    private final Map<String, String> environment;
    private final Path home;

    public ColimaPaths(Map<String, String> environment, Path home) {
        this.environment = Map.copyOf(environment);
        this.home = home;
    }

    public static ColimaPaths fromSystem() {
        return new ColimaPaths(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** Candidate configuration directories, in Colima's order of preference. */
    public List<Path> candidates() {
        List<Path> dirs = new ArrayList<>();
        String colimaHome = environment.get("COLIMA_HOME");
        if (colimaHome != null && !colimaHome.isBlank()) {
            dirs.add(Path.of(colimaHome));
        }
        dirs.add(home.resolve(".colima"));
        String xdg = environment.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) {
            dirs.add(Path.of(xdg).resolve("colima"));
        }
        dirs.add(home.resolve(".config").resolve("colima"));
        return dirs;
    }

    /** The configuration directory in use: the first candidate that exists (or the first one if none does). */
    public Path configDir() {
        List<Path> candidates = candidates();
        return candidates.stream().filter(Files::isDirectory).findFirst().orElse(candidates.getFirst());
    }

    /** The profile's own directory ({@code colima.yaml}, the socket), named by its short name. */
    public Path profileDir(String profile) {
        return configDir().resolve(profile);
    }

    /** Where the profile's socket should be, whether or not it exists. */
    public Path socketPath(String profile) {
        return profileDir(profile).resolve("docker.sock");
    }

    /**
     * The docker context Colima creates for the profile and makes current on start ({@code --activate}, on by
     * default): {@code colima} for the default profile, {@code colima-<profile>} for the others.
     */
    public static String dockerContextName(String profile) {
        return DEFAULT_PROFILE.equals(profile) ? "colima" : "colima-" + profile;
    }

    /** The profile's socket if something exists at that path (a dangling link counts as missing). */
    public Optional<Path> existingSocket(String profile) {
        Path socket = socketPath(profile);
        return Files.exists(socket) ? Optional.of(socket) : Optional.empty();
    }
}
