package io.colimaservices.settings;

import io.colimaservices.domain.LoginItem;
import io.colimaservices.domain.UserError;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Picks the login item for the OS: a LaunchAgent on macOS, an XDG autostart entry elsewhere. */
public final class LoginItems {
    private LoginItems() {
    }

    public static LoginItem forOs(boolean macOs, Path home, Map<String, String> environment,
                                  Supplier<Optional<LaunchCommand>> command) {
        if (macOs) {
            return new LaunchAgentLoginItem(home, command, new ProcessLaunchctl(home));
        }
        String xdg = environment.get("XDG_CONFIG_HOME");
        // The XDG spec says relative values are invalid and must be ignored.
        Path configHome = xdg != null && xdg.startsWith("/") ? Path.of(xdg) : home.resolve(".config");
        return new XdgAutostartLoginItem(configHome, command);
    }

    static UserError noLaunchCommand() {
        return new UserError(UserError.Kind.CONFIGURATION,
                "launch at login needs the installed app (or its jar): this run has no command to start it again",
                "install Colima Services, or run it with java -jar");
    }
}
