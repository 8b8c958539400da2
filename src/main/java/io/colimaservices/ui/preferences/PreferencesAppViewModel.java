package io.colimaservices.ui.preferences;

import io.colimaservices.domain.AppSettings;
import io.colimaservices.domain.TerminalApp;
import io.colimaservices.domain.VmSpec;
import io.colimaservices.domain.backup.BackupSettings;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The Preferences page's app panel: start the VM on launch, unseal automatically, the clipboard delay, the terminal
 * the default tier, the backup schedule and the compose file (the bundled stack or one the user chose).
 */
public final class PreferencesAppViewModel {
    private final BooleanProperty startVmOnLaunch = new SimpleBooleanProperty(this, "startVmOnLaunch");
    private final BooleanProperty unsealAutomatically = new SimpleBooleanProperty(this, "unsealAutomatically", true);
    private final StringProperty clipboardSeconds = new SimpleStringProperty(this, "clipboardSeconds", "");
    private final ObjectProperty<TerminalApp> terminal = new SimpleObjectProperty<>(this, "terminal",
            TerminalApp.DEFAULT);
    private final StringProperty defaultTier = new SimpleStringProperty(this, "defaultTier", AppSettings.DEFAULT_TIER);
    private final BooleanProperty dailyBackups = new SimpleBooleanProperty(this, "dailyBackups", false);
    private final ObjectProperty<Integer> backupsKept = new SimpleObjectProperty<>(this, "backupsKept",
            BackupSettings.defaults().keep());
    /** The folder and "deep verify after each" as read (set in settings.json, not on this page). */
    private BackupSettings loadedBackups = BackupSettings.defaults();
    private final ReadOnlyObjectWrapper<Optional<Path>> composeFile = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ReadOnlyStringWrapper composeFileText = new ReadOnlyStringWrapper(describeCompose(Optional.empty()));
    private final ReadOnlyStringWrapper clipboardError = new ReadOnlyStringWrapper("");

    PreferencesAppViewModel() {
        composeFile.addListener(o -> composeFileText.set(describeCompose(composeFile.get())));
    }

    Observable[] fields() {
        return new Observable[] {startVmOnLaunch, unsealAutomatically, clipboardSeconds, terminal, defaultTier,
            dailyBackups, backupsKept, composeFile};
    }

    void fill(AppSettings s) {
        startVmOnLaunch.set(s.startVmOnLaunch());
        unsealAutomatically.set(s.unsealAutomatically());
        clipboardSeconds.set(String.valueOf(s.clipboardClearSeconds()));
        terminal.set(s.terminal());
        defaultTier.set(s.defaultTier());
        loadedBackups = s.backups();
        dailyBackups.set(s.backups().daily());
        backupsKept.set(s.backups().keep());
        composeFile.set(s.composeFile());
    }

    /** Checks the delay; true when the panel is valid. */
    boolean validate() {
        clipboardError.set(PreferencesVmViewModel.number("The delay", clipboardSeconds.get(),
                n -> AppSettings.defaults().withClipboardClearSeconds(n)));
        return clipboardError.get().isEmpty();
    }

    /** The settings with this panel's choices ({@code vm} and launch at login from elsewhere); only when valid. */
    AppSettings settings(VmSpec vm, boolean launchAtLogin) {
        return AppSettings.defaults().withVm(vm).withComposeFile(composeFile.get())
                .withStartVmOnLaunch(startVmOnLaunch.get()).withLaunchAtLogin(launchAtLogin)
                .withClipboardClearSeconds(Integer.parseInt(clipboardSeconds.get().strip()))
                .withUnsealAutomatically(unsealAutomatically.get())
                .withTerminal(terminal.get() == null ? TerminalApp.DEFAULT : terminal.get())
                .withDefaultTier(defaultTier.get() == null ? AppSettings.DEFAULT_TIER : defaultTier.get())
                .withBackups(new BackupSettings(loadedBackups.folder(), loadedBackups.deepVerifyAfterBackup(),
                        dailyBackups.get(), backupsKept.get() == null ? loadedBackups.keep() : backupsKept.get()));
    }

    private static String describeCompose(Optional<Path> file) {
        return file.map(Path::toString).orElse("The bundled stack");
    }

    // ---- commands ------------------------------------------------------------------------------------------------

    /** The compose file to use instead of the bundled one (from the file chooser). */
    public void chooseComposeFile(Path file) {
        composeFile.set(Optional.of(file.toAbsolutePath().normalize()));
    }

    /** Back to the stack that ships with the app. */
    public void useBundledStack() {
        composeFile.set(Optional.empty());
    }

    // ---- properties ----------------------------------------------------------------------------------------------

    public BooleanProperty startVmOnLaunchProperty() {
        return startVmOnLaunch;
    }

    /** "Unseal Vault automatically": a recovery after a restart unseals with the stored shares. */
    public BooleanProperty unsealAutomaticallyProperty() {
        return unsealAutomatically;
    }

    /** The terminal "Open shell" opens (macOS). */
    public ObjectProperty<TerminalApp> terminalProperty() {
        return terminal;
    }

    /** A backup a day while the stack runs (the menu warns when one is late). */
    public BooleanProperty dailyBackupsProperty() {
        return dailyBackups;
    }

    /** How many backups the schedule keeps (the oldest beyond are removed). */
    public ObjectProperty<Integer> backupsKeptProperty() {
        return backupsKept;
    }

    /** The tier "Start tier" marks and {@code up} without a target starts. */
    public StringProperty defaultTierProperty() {
        return defaultTier;
    }

    /** Seconds, as typed; 1 to {@link AppSettings#MAX_CLIPBOARD_CLEAR_SECONDS}. */
    public StringProperty clipboardSecondsProperty() {
        return clipboardSeconds;
    }

    /** Empty for the bundled stack. */
    public ReadOnlyObjectProperty<Optional<Path>> composeFileProperty() {
        return composeFile.getReadOnlyProperty();
    }

    /** The compose file's path, or "The bundled stack". */
    public ReadOnlyStringProperty composeFileTextProperty() {
        return composeFileText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty clipboardErrorProperty() {
        return clipboardError.getReadOnlyProperty();
    }
}
