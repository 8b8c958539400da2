package io.colimaservices.settings;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to start this app again, for a login item: the packaged app's launcher (jpackage sets
 * {@code jpackage.app-path}, e.g. {@code /Applications/Colima Services.app/Contents/MacOS/Colima Services}), else
 * this JVM with the jar it runs from. A run from class folders (an IDE, {@code mvn exec}) has no stable command.
 */
public record LaunchCommand(List<String> arguments) {
    public LaunchCommand {
        arguments = List.copyOf(arguments);
        if (arguments.isEmpty()) {
            throw new IllegalArgumentException("a launch command needs a program");
        }
    }

    public static Optional<LaunchCommand> current() {
        String packaged = System.getProperty("jpackage.app-path");
        if (packaged != null && !packaged.isBlank()) {
            return Optional.of(new LaunchCommand(List.of(packaged)));
        }
        Optional<String> java = ProcessHandle.current().info().command();
        Optional<Path> jar = runningJar();
        if (java.isPresent() && jar.isPresent()) {
            return Optional.of(new LaunchCommand(List.of(java.get(), "-jar", jar.get().toString())));
        }
        return Optional.empty();
    }

    private static Optional<Path> runningJar() {
        try {
            var source = LaunchCommand.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path location = Path.of(source.getLocation().toURI());
            return location.toString().endsWith(".jar") ? Optional.of(location) : Optional.empty();
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String program() {
        return Objects.requireNonNull(arguments.getFirst());
    }
}
