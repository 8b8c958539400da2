package io.colimaservices.domain;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What the user chose and the app keeps between runs.
 *
 * @param vm the Colima profile and the resources {@code colima start} is given
 * @param composeFile the stack's compose file; empty for the bundled one
 * @param startVmOnLaunch start the VM when the app starts (if it is not running)
 * @param launchAtLogin the app is registered to start at login (LaunchAgent, XDG autostart)
 * @param clipboardClearSeconds how long a copied secret stays on the clipboard
 * @param terminal the terminal "Open shell" opens on macOS
 * @param backups where backups go, deep verify after each, the daily schedule
 */
public record AppSettings(VmSpec vm, Optional<Path> composeFile, boolean startVmOnLaunch, boolean launchAtLogin,
                          int clipboardClearSeconds, TerminalApp terminal,
                          io.colimaservices.domain.backup.BackupSettings backups) {
    public static final int DEFAULT_CLIPBOARD_CLEAR_SECONDS = 30;
    public static final int MAX_CLIPBOARD_CLEAR_SECONDS = 600;

    public AppSettings {
        Objects.requireNonNull(vm, "vm");
        Objects.requireNonNull(composeFile, "composeFile");
        Objects.requireNonNull(terminal, "terminal");
        Objects.requireNonNull(backups, "backups");
        if (clipboardClearSeconds < 1 || clipboardClearSeconds > MAX_CLIPBOARD_CLEAR_SECONDS) {
            throw new UserError(UserError.Kind.CONFIGURATION, "clipboard clear delay must be from 1 to "
                    + MAX_CLIPBOARD_CLEAR_SECONDS + " seconds, not " + clipboardClearSeconds);
        }
    }

    /** With the default backup settings. */
    public AppSettings(VmSpec vm, Optional<Path> composeFile, boolean startVmOnLaunch, boolean launchAtLogin,
                       int clipboardClearSeconds, TerminalApp terminal) {
        this(vm, composeFile, startVmOnLaunch, launchAtLogin, clipboardClearSeconds, terminal,
                io.colimaservices.domain.backup.BackupSettings.defaults());
    }

    /** With the default terminal. */
    public AppSettings(VmSpec vm, Optional<Path> composeFile, boolean startVmOnLaunch, boolean launchAtLogin,
                       int clipboardClearSeconds) {
        this(vm, composeFile, startVmOnLaunch, launchAtLogin, clipboardClearSeconds, TerminalApp.DEFAULT);
    }

    public static AppSettings defaults() {
        return new AppSettings(VmSpec.defaults(), Optional.empty(), false, false, DEFAULT_CLIPBOARD_CLEAR_SECONDS);
    }

    public AppSettings withVm(VmSpec newVm) {
        return new AppSettings(newVm, composeFile, startVmOnLaunch, launchAtLogin, clipboardClearSeconds, terminal,
                backups);
    }

    public AppSettings withLaunchAtLogin(boolean enabled) {
        return new AppSettings(vm, composeFile, startVmOnLaunch, enabled, clipboardClearSeconds, terminal, backups);
    }

    public AppSettings withTerminal(TerminalApp chosen) {
        return new AppSettings(vm, composeFile, startVmOnLaunch, launchAtLogin, clipboardClearSeconds, chosen, backups);
    }

    public AppSettings withBackups(io.colimaservices.domain.backup.BackupSettings chosen) {
        return new AppSettings(vm, composeFile, startVmOnLaunch, launchAtLogin, clipboardClearSeconds, terminal, chosen);
    }
}
