package io.colimaservices.domain;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where settings were written and, when the file there had problems, where that file was moved first so that
 * nothing the user wrote by hand is lost.
 */
public record SavedSettings(Path file, Optional<Path> movedAside) {
    public SavedSettings {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(movedAside, "movedAside");
    }
}
