package io.colimaservices.app;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What the user chose at launch (command-line options); everything else comes from settings or defaults.
 *
 * @param colima the colima executable ({@code --colima}); empty to look for it
 */
public record LaunchOptions(Optional<Path> composeFile, String projectName, Optional<String> dockerHost,
                            Optional<Path> colima) {
    public static final String DEFAULT_PROJECT = "colima-services";

    public LaunchOptions {
        Objects.requireNonNull(composeFile, "composeFile");
        Objects.requireNonNull(projectName, "projectName");
        Objects.requireNonNull(dockerHost, "dockerHost");
        Objects.requireNonNull(colima, "colima");
    }

    public LaunchOptions(Optional<Path> composeFile, String projectName, Optional<String> dockerHost) {
        this(composeFile, projectName, dockerHost, Optional.empty());
    }

    public static LaunchOptions defaults() {
        return new LaunchOptions(Optional.empty(), DEFAULT_PROJECT, Optional.empty());
    }
}
