package io.colimaservices.settings;

import io.colimaservices.domain.LoginItem;
import io.colimaservices.domain.UserError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Launch at login on Linux desktops: an XDG autostart entry, {@code $XDG_CONFIG_HOME/autostart/<id>.desktop}
 * (default {@code ~/.config/autostart}), which GNOME, KDE, Xfce and others run once at login.
 */
public final class XdgAutostartLoginItem implements LoginItem {
    public static final String FILE_NAME = LaunchAgentLoginItem.LABEL + ".desktop";
    /** Characters that force an Exec argument into quotes (Desktop Entry Specification, "The Exec key"). */
    private static final String RESERVED = " \t\n\"'\\><~|&;$*?#()`";

    private final Path entry;
    private final Supplier<Optional<LaunchCommand>> command;

    public XdgAutostartLoginItem(Path configHome, Supplier<Optional<LaunchCommand>> command) {
        this.entry = configHome.resolve("autostart").resolve(FILE_NAME);
        this.command = command;
    }

    @Override
    public Path location() {
        return entry;
    }

    @Override
    public boolean isInstalled() {
        return Files.isRegularFile(entry);
    }

    @Override
    public void install() {
        LaunchCommand launch = command.get().orElseThrow(LoginItems::noLaunchCommand);
        try {
            AtomicFiles.write(entry, desktopEntry(launch));
        } catch (IOException e) {
            throw new UserError(UserError.Kind.CONFIGURATION, "cannot write " + entry + ": " + e.getMessage(),
                    "check that " + entry.getParent() + " is writable", e);
        }
    }

    @Override
    public void remove() {
        try {
            Files.deleteIfExists(entry);
        } catch (IOException e) {
            throw new UserError(UserError.Kind.CONFIGURATION, "cannot remove " + entry + ": " + e.getMessage(),
                    "remove it by hand", e);
        }
    }

    static String desktopEntry(LaunchCommand launch) {
        String exec = launch.arguments().stream().map(XdgAutostartLoginItem::execArgument)
                .collect(Collectors.joining(" "));
        return """
                [Desktop Entry]
                Type=Application
                Name=Colima Services
                Comment=Runs and watches the Colima Services development stack
                Exec=%s
                Terminal=false
                X-GNOME-Autostart-enabled=true
                """.formatted(exec);
    }

    /**
     * Quotes one argument for the Exec key: reserved characters put it in double quotes, inside which {@code "},
     * {@code `}, {@code $} and {@code \} take a backslash; then the string-value rule doubles every backslash;
     * and {@code %} (field codes) is written {@code %%}.
     */
    static String execArgument(String argument) {
        String text = argument;
        if (text.isEmpty() || text.chars().anyMatch(c -> RESERVED.indexOf(c) >= 0)) {
            StringBuilder quoted = new StringBuilder("\"");
            for (char c : text.toCharArray()) {
                if (c == '"' || c == '`' || c == '$' || c == '\\') {
                    quoted.append('\\');
                }
                quoted.append(c);
            }
            text = quoted.append('"').toString();
        }
        return text.replace("\\", "\\\\").replace("%", "%%");
    }
}
