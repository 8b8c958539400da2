package io.colimaservices.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The process environment with the app's directories (settings, the services {@code up} started, remembered
 * definition hashes) moved to a temp directory of the test JVM's own: tests that run the CLI or the actions on the
 * real engine leave nothing in the user's ~/.config.
 */
public final class TestEnvironment {
    private static Path appDirs;

    private TestEnvironment() {
    }

    /** The app's log file under those directories (Linux layout), where commands leave their trace lines. */
    public static synchronized Path logFile() {
        withOwnAppDirectories();
        return appDirs.resolve("state/colima-services/logs/colima-services.log");
    }

    public static synchronized Map<String, String> withOwnAppDirectories() {
        if (appDirs == null) {
            try {
                appDirs = Files.createTempDirectory("cs-test-appdirs");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            appDirs.toFile().deleteOnExit();
        }
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("XDG_CONFIG_HOME", appDirs.resolve("config").toString());
        env.put("XDG_STATE_HOME", appDirs.resolve("state").toString());
        return env;
    }
}
