package io.colimaservices.colima;

import io.colimaservices.domain.UserError;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which {@code colima} to run: {@code --colima PATH}, else {@code COLIMA_BIN}, else the first on {@code PATH},
 * else Homebrew's {@code /opt/homebrew/bin/colima} (Apple Silicon) or {@code /usr/local/bin/colima} (Intel). The
 * Homebrew fallbacks matter because an app started by launchd at login gets a {@code PATH} of
 * {@code /usr/bin:/bin:/usr/sbin:/sbin} only.
 *
 * @param path empty when Colima is not installed anywhere looked
 * @param source how it was found ({@code --colima}, {@code COLIMA_BIN}, {@code PATH}, {@code Homebrew})
 * @param searched every place looked, in order, for the "not installed" message
 */
public record ColimaExecutable(Optional<Path> path, String source, List<String> searched) {
    public static final List<Path> HOMEBREW = List.of(Path.of("/opt/homebrew/bin/colima"),
            Path.of("/usr/local/bin/colima"));

    public ColimaExecutable {
        searched = List.copyOf(searched);
    }

    /**
     * @throws UserError of kind CONFIGURATION when {@code --colima} or {@code COLIMA_BIN} names something that is
     *                   not an executable file: the user asked for that one, a silent fallback would mislead
     */
    public static ColimaExecutable find(Optional<Path> option, Map<String, String> environment) {
        return find(option, environment, HOMEBREW);
    }

    static ColimaExecutable find(Optional<Path> option, Map<String, String> environment, List<Path> fallbacks) {
        List<String> searched = new ArrayList<>();
        if (option.isPresent()) {
            return new ColimaExecutable(Optional.of(requireExecutable(option.get(), "--colima")), "--colima",
                    List.of("--colima " + option.get()));
        }
        String fromEnv = environment.get("COLIMA_BIN");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new ColimaExecutable(Optional.of(requireExecutable(path(fromEnv, "COLIMA_BIN"), "COLIMA_BIN")),
                    "COLIMA_BIN", List.of("COLIMA_BIN " + fromEnv));
        }
        String pathVariable = environment.getOrDefault("PATH", "");
        searched.add("PATH");
        for (String dir : pathVariable.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            try {
                Path candidate = Path.of(dir).resolve("colima");
                if (isExecutableFile(candidate)) {
                    return new ColimaExecutable(Optional.of(candidate), "PATH", searched);
                }
            } catch (InvalidPathException ignored) {
                // a PATH entry that is no path cannot hold colima
            }
        }
        for (Path fallback : fallbacks) {
            searched.add(fallback.toString());
            if (isExecutableFile(fallback)) {
                return new ColimaExecutable(Optional.of(fallback), "Homebrew", searched);
            }
        }
        return new ColimaExecutable(Optional.empty(), "not found", searched);
    }

    public boolean installed() {
        return path.isPresent();
    }

    /** {@code /opt/homebrew/bin/colima (PATH)}, or where it was looked for. */
    public String describe() {
        return path.map(p -> p + " (" + source + ")")
                .orElseGet(() -> "not installed (looked in " + String.join(", ", searched) + ")");
    }

    private static Path requireExecutable(Path candidate, String origin) {
        if (!isExecutableFile(candidate)) {
            throw new UserError(UserError.Kind.CONFIGURATION,
                    origin + " " + candidate + ": not an executable file",
                    "point " + origin + " at the colima executable (e.g. /opt/homebrew/bin/colima)");
        }
        return candidate.toAbsolutePath();
    }

    private static Path path(String text, String origin) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new UserError(UserError.Kind.CONFIGURATION, origin + " '" + text + "' is not a path", "", e);
        }
    }

    private static boolean isExecutableFile(Path candidate) {
        return Files.isRegularFile(candidate) && Files.isExecutable(candidate);
    }
}
