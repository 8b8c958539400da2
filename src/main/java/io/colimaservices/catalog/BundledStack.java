package io.colimaservices.catalog;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the stack definition shipped with the app ({@code compose/docker-compose.yml}): the directory named by
 * the system property {@value #STACK_DIR_PROPERTY} (set by the packaged app's launcher), else the project
 * directory of the running jar ({@code target/colima-services.jar} -> {@code compose/}), else the working
 * directory.
 */
public final class BundledStack {
    public static final String STACK_DIR_PROPERTY = "colimaservices.stack.dir";
    private static final Path RELATIVE = Path.of("compose", "docker-compose.yml");

    private BundledStack() {
    }

    public static Path composeFile() {
        String configured = System.getProperty(STACK_DIR_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).resolve(RELATIVE).toAbsolutePath().normalize();
        }
        return besideCode().orElse(Path.of("").toAbsolutePath().resolve(RELATIVE));
    }

    private static Optional<Path> besideCode() {
        try {
            var source = BundledStack.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path dir = Path.of(source.getLocation().toURI()).toAbsolutePath();
            for (int up = 0; up < 3 && dir != null; up++, dir = dir.getParent()) {
                Path candidate = dir.resolve(RELATIVE);
                if (Files.isRegularFile(candidate)) {
                    return Optional.of(candidate.normalize());
                }
            }
            return Optional.empty();
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
