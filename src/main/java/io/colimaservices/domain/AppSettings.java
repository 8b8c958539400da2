package io.colimaservices.domain;

import io.colimaservices.domain.backup.BackupSettings;

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
 * @param unsealAutomatically a recovery (after a reboot, a VM or Docker restart) unseals Vault with the stored shares
 *                            without asking (as the original project's container script did); off: it stops at a
 *                            sealed Vault and says so
 * @param terminal the terminal "Open shell" opens on macOS
 * @param defaultTier the tier {@code up} without a target starts, and the menu marks (docs/stack.md, "Tiers")
 * @param backups where backups go, deep verify after each, the daily schedule
 * @param connections where Vault and Docker are, when the user chose (Preferences)
 */
public record AppSettings(VmSpec vm, Optional<Path> composeFile, boolean startVmOnLaunch, boolean launchAtLogin,
                          int clipboardClearSeconds, boolean unsealAutomatically, TerminalApp terminal,
                          String defaultTier, BackupSettings backups, Connections connections) {
    public static final String DEFAULT_TIER = "standard";
    public static final int DEFAULT_CLIPBOARD_CLEAR_SECONDS = 30;
    public static final int MAX_CLIPBOARD_CLEAR_SECONDS = 600;

    public AppSettings {
        Objects.requireNonNull(vm, "vm");
        Objects.requireNonNull(composeFile, "composeFile");
        Objects.requireNonNull(terminal, "terminal");
        Objects.requireNonNull(backups, "backups");
        Objects.requireNonNull(connections, "connections");
        if (defaultTier == null || defaultTier.isBlank()) {
            throw new UserError(UserError.Kind.CONFIGURATION, "the default tier must be named");
        }
        if (clipboardClearSeconds < 1 || clipboardClearSeconds > MAX_CLIPBOARD_CLEAR_SECONDS) {
            throw new UserError(UserError.Kind.CONFIGURATION, "clipboard clear delay must be from 1 to "
                    + MAX_CLIPBOARD_CLEAR_SECONDS + " seconds, not " + clipboardClearSeconds);
        }
    }

    /** With the default connections. */
    public AppSettings(VmSpec vm, Optional<Path> composeFile, boolean startVmOnLaunch, boolean launchAtLogin,
                       int clipboardClearSeconds, boolean unsealAutomatically, TerminalApp terminal,
                       String defaultTier, BackupSettings backups) {
        this(vm, composeFile, startVmOnLaunch, launchAtLogin, clipboardClearSeconds, unsealAutomatically, terminal,
                defaultTier, backups, Connections.none());
    }

    /** With the default backup settings and connections. */
    public AppSettings(VmSpec vm, Optional<Path> composeFile, boolean startVmOnLaunch, boolean launchAtLogin,
                       int clipboardClearSeconds, boolean unsealAutomatically, TerminalApp terminal,
                       String defaultTier) {
        this(vm, composeFile, startVmOnLaunch, launchAtLogin, clipboardClearSeconds, unsealAutomatically, terminal,
                defaultTier, BackupSettings.defaults());
    }

    /** With the default tier ({@value #DEFAULT_TIER}) and connections. */
    public AppSettings(VmSpec vm, Optional<Path> composeFile, boolean startVmOnLaunch, boolean launchAtLogin,
                       int clipboardClearSeconds, boolean unsealAutomatically, TerminalApp terminal,
                       BackupSettings backups) {
        this(vm, composeFile, startVmOnLaunch, launchAtLogin, clipboardClearSeconds, unsealAutomatically, terminal,
                DEFAULT_TIER, backups);
    }

    /** With the default tier, backups and the given connections. */
    public AppSettings(VmSpec vm, Optional<Path> composeFile, boolean startVmOnLaunch, boolean launchAtLogin,
                       int clipboardClearSeconds, boolean unsealAutomatically, TerminalApp terminal,
                       Connections connections) {
        this(vm, composeFile, startVmOnLaunch, launchAtLogin, clipboardClearSeconds, unsealAutomatically, terminal,
                DEFAULT_TIER, BackupSettings.defaults(), connections);
    }

    /** Settings from before the default tier, backups and connections existed. */
    public AppSettings(VmSpec vm, Optional<Path> composeFile, boolean startVmOnLaunch, boolean launchAtLogin,
                       int clipboardClearSeconds, boolean unsealAutomatically, TerminalApp terminal) {
        this(vm, composeFile, startVmOnLaunch, launchAtLogin, clipboardClearSeconds, unsealAutomatically, terminal,
                DEFAULT_TIER, BackupSettings.defaults());
    }

    /** Settings from before "unseal automatically" and the terminal existed: it is on, the terminal the default. */
    public AppSettings(VmSpec vm, Optional<Path> composeFile, boolean startVmOnLaunch, boolean launchAtLogin,
                       int clipboardClearSeconds) {
        this(vm, composeFile, startVmOnLaunch, launchAtLogin, clipboardClearSeconds, true, TerminalApp.DEFAULT);
    }

    /** With the default terminal. */
    public AppSettings(VmSpec vm, Optional<Path> composeFile, boolean startVmOnLaunch, boolean launchAtLogin,
                       int clipboardClearSeconds, boolean unsealAutomatically) {
        this(vm, composeFile, startVmOnLaunch, launchAtLogin, clipboardClearSeconds, unsealAutomatically,
                TerminalApp.DEFAULT);
    }

    /** Unsealing automatically, as by default. */
    public AppSettings(VmSpec vm, Optional<Path> composeFile, boolean startVmOnLaunch, boolean launchAtLogin,
                       int clipboardClearSeconds, TerminalApp terminal) {
        this(vm, composeFile, startVmOnLaunch, launchAtLogin, clipboardClearSeconds, true, terminal);
    }

    public static AppSettings defaults() {
        return new AppSettings(VmSpec.defaults(), Optional.empty(), false, false, DEFAULT_CLIPBOARD_CLEAR_SECONDS,
                true, TerminalApp.DEFAULT);
    }

    public AppSettings withVm(VmSpec newVm) {
        return new AppSettings(newVm, composeFile, startVmOnLaunch, launchAtLogin, clipboardClearSeconds,
                unsealAutomatically, terminal, defaultTier, backups, connections);
    }

    public AppSettings withLaunchAtLogin(boolean enabled) {
        return new AppSettings(vm, composeFile, startVmOnLaunch, enabled, clipboardClearSeconds, unsealAutomatically,
                terminal, defaultTier, backups, connections);
    }

    public AppSettings withUnsealAutomatically(boolean enabled) {
        return new AppSettings(vm, composeFile, startVmOnLaunch, launchAtLogin, clipboardClearSeconds, enabled,
                terminal, defaultTier, backups, connections);
    }

    public AppSettings withDefaultTier(String tier) {
        return new AppSettings(vm, composeFile, startVmOnLaunch, launchAtLogin, clipboardClearSeconds,
                unsealAutomatically, terminal, tier, backups, connections);
    }

    public AppSettings withComposeFile(Optional<Path> file) {
        return new AppSettings(vm, file, startVmOnLaunch, launchAtLogin, clipboardClearSeconds, unsealAutomatically,
                terminal, defaultTier, backups, connections);
    }

    public AppSettings withConnections(Connections chosen) {
        return new AppSettings(vm, composeFile, startVmOnLaunch, launchAtLogin, clipboardClearSeconds,
                unsealAutomatically, terminal, defaultTier, backups, chosen);
    }

    public AppSettings withTerminal(TerminalApp chosen) {
        return new AppSettings(vm, composeFile, startVmOnLaunch, launchAtLogin, clipboardClearSeconds,
                unsealAutomatically, chosen, defaultTier, backups, connections);
    }

    public AppSettings withBackups(BackupSettings chosen) {
        return new AppSettings(vm, composeFile, startVmOnLaunch, launchAtLogin, clipboardClearSeconds,
                unsealAutomatically, terminal, defaultTier, chosen, connections);
    }
}
