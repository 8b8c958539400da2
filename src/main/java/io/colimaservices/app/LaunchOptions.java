package io.colimaservices.app;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** What the user chose at launch (command-line options); everything else comes from settings or defaults. */
public record LaunchOptions(Optional<Path> composeFile, String projectName, Optional<String> dockerHost) {
    public static final String DEFAULT_PROJECT = "colima-services";

    public LaunchOptions {
        Objects.requireNonNull(composeFile, "composeFile");
        Objects.requireNonNull(projectName, "projectName");
        Objects.requireNonNull(dockerHost, "dockerHost");
    }

    public static LaunchOptions defaults() {
        return new LaunchOptions(Optional.empty(), DEFAULT_PROJECT, Optional.empty());
    }
}
