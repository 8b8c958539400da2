package io.colimaservices.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The terminal the app opens for "Open shell" on macOS (a setting); on Linux the desktop's own terminal is used
 * ({@code $TERMINAL}, then {@code x-terminal-emulator}).
 */
public enum TerminalApp {
    TERMINAL("terminal", "Terminal"),
    ITERM2("iterm2", "iTerm2"),
    GHOSTTY("ghostty", "Ghostty"),
    WEZTERM("wezterm", "WezTerm"),
    KITTY("kitty", "kitty"),
    ALACRITTY("alacritty", "Alacritty"),
    WARP("warp", "Warp");

    public static final TerminalApp DEFAULT = TERMINAL;

    private final String setting;
    private final String displayName;

    TerminalApp(String setting, String displayName) {
        this.setting = setting;
        this.displayName = displayName;
    }

    /** The word in the settings file. */
    public String setting() {
        return setting;
    }

    public String displayName() {
        return displayName;
    }

    public static Optional<TerminalApp> fromSetting(String value) {
        String wanted = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.setting.equals(wanted)).findFirst();
    }
}
