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

    /**
     * The settings of a new install; other settings are made from these with the {@code with...} methods (one
     * canonical constructor, no overloads to grow with every new setting).
     */
    public static AppSettings defaults() {
        return new AppSettings(VmSpec.defaults(), Optional.empty(), false, false, DEFAULT_CLIPBOARD_CLEAR_SECONDS,
                true, TerminalApp.DEFAULT, DEFAULT_TIER, BackupSettings.defaults(), Connections.none());
    }

    public AppSettings withVm(VmSpec newVm) {
        return new AppSettings(newVm, composeFile, startVmOnLaunch, launchAtLogin, clipboardClearSeconds,
                unsealAutomatically, terminal, defaultTier, backups, connections);
    }

    public AppSettings withStartVmOnLaunch(boolean enabled) {
        return new AppSettings(vm, composeFile, enabled, launchAtLogin, clipboardClearSeconds, unsealAutomatically,
                terminal, defaultTier, backups, connections);
    }

    /** @throws UserError when the delay is out of range (1 to {@value #MAX_CLIPBOARD_CLEAR_SECONDS} seconds) */
    public AppSettings withClipboardClearSeconds(int seconds) {
        return new AppSettings(vm, composeFile, startVmOnLaunch, launchAtLogin, seconds, unsealAutomatically,
                terminal, defaultTier, backups, connections);
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
