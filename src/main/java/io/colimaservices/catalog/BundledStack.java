package io.colimaservices.catalog;

import io.colimaservices.settings.AppDirectories;
import io.colimaservices.settings.StackInstaller;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the stack definition shipped with the app ({@code compose/docker-compose.yml}): the directory named by
 * the system property {@value #STACK_DIR_PROPERTY} (set by the packaged app's launcher), else the project
 * directory of the running jar ({@code target/colima-services.jar} -> {@code compose/}), else the working
 * directory. In the packaged app (the property set) the files used are the user's editable copy of the shipped
 * ones, installed and kept current by {@link StackInstaller}.
 */
public final class BundledStack {
    public static final String STACK_DIR_PROPERTY = "colimaservices.stack.dir";
    private static final Path RELATIVE = Path.of("compose", "docker-compose.yml");
    private static Path userCopy;

    private BundledStack() {
    }

    public static Path composeFile() {
        String configured = System.getProperty(STACK_DIR_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return userCopy(Path.of(configured)).resolve(RELATIVE).toAbsolutePath().normalize();
        }
        return besideCode().orElse(Path.of("").toAbsolutePath().resolve(RELATIVE));
    }

    /** The user's copy of the shipped stack, brought up to date once per process; the shipped one if that fails. */
    private static synchronized Path userCopy(Path shipped) {
        if (userCopy == null) {
            StackInstaller installer = new StackInstaller(shipped,
                    StackInstaller.userStackDir(AppDirectories.forCurrentUser()));
            try {
                installer.install();
                userCopy = installer.target();
            } catch (IOException | RuntimeException e) {
                LoggerFactory.getLogger(BundledStack.class).warn("using the shipped stack in {}: cannot install it "
                        + "to {}: {}", shipped, installer.target(), e.toString());
                userCopy = shipped;
            }
        }
        return userCopy;
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
