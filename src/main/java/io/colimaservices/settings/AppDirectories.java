package io.colimaservices.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the app keeps its files. macOS: {@code ~/Library/Application Support/Colima Services} and
 * {@code ~/Library/Logs/Colima Services}. Elsewhere the XDG base directories: {@code $XDG_CONFIG_HOME/colima-services},
 * {@code $XDG_STATE_HOME/colima-services/logs}.
 */
public record AppDirectories(Path support, Path logs) {
    public static final String APP_NAME = "Colima Services";
    private static final String XDG_NAME = "colima-services";

    public static AppDirectories forCurrentUser() {
        return of(System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")), System.getenv());
    }

    public static AppDirectories of(String osName, Path home, Map<String, String> env) {
        if (osName.toLowerCase(Locale.ROOT).contains("mac")) {
            return new AppDirectories(home.resolve("Library/Application Support").resolve(APP_NAME),
                    home.resolve("Library/Logs").resolve(APP_NAME));
        }
        Path config = xdg(env, "XDG_CONFIG_HOME", home.resolve(".config"));
        Path state = xdg(env, "XDG_STATE_HOME", home.resolve(".local/state"));
        return new AppDirectories(config.resolve(XDG_NAME), state.resolve(XDG_NAME).resolve("logs"));
    }

    /**
     * Where backups go unless the user chose a folder: {@code ~/Library/Application Support/Colima Services/Backups}
     * on macOS, {@code $XDG_DATA_HOME/colima-services/backups} (default {@code ~/.local/share}) elsewhere.
     */
    public static Path defaultBackups(String osName, Path home, Map<String, String> env) {
        if (osName.toLowerCase(Locale.ROOT).contains("mac")) {
            return home.resolve("Library/Application Support").resolve(APP_NAME).resolve("Backups");
        }
        return xdg(env, "XDG_DATA_HOME", home.resolve(".local/share")).resolve(XDG_NAME).resolve("backups");
    }

    /** Files the stack's containers read (bind-mounted): the exported CA, the agent's one-use credentials. */
    public Path runtime() {
        return support.resolve("runtime");
    }

    private static Path xdg(Map<String, String> env, String key, Path fallback) {
        String value = env.get(key);
        // The XDG spec says relative values are invalid and must be ignored.
        return value != null && value.startsWith("/") ? Path.of(value) : fallback;
    }
}
