package io.colimaservices.ui.preferences;

import io.colimaservices.domain.AppSettings;
import io.colimaservices.domain.backup.BackupSettings;
import io.colimaservices.domain.LoadedSettings;
import io.colimaservices.domain.NativePlatform;
import io.colimaservices.domain.SavedSettings;
import io.colimaservices.domain.UserError;
import io.colimaservices.domain.VmSpec;
import io.colimaservices.ui.common.ActionState;
import io.colimaservices.ui.common.Notice;
import io.colimaservices.usecase.SettingsUseCase;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

/**
 * The Preferences page: the settings file as a form, saved or reverted as a whole; its panels are the
 * {@link PreferencesVmViewModel VM}, the {@link PreferencesAppViewModel app's choices}, the
 * {@link PreferencesConnectionsViewModel connections}, the {@link PreferencesFileViewModel file} and
 * {@link PreferencesLoginViewModel launch at login} (applied at once).
 * Reading, saving and the login item are the page's {@link ActionState action}, through {@link SettingsUseCase}.
 */
public final class PreferencesViewModel {
    /** The choices offered for the VM's architecture and type, in a stable order. */
    public static final List<String> ARCHES = VmSpec.ARCHES.stream().sorted().toList();
    /** {@link VmSpec#VM_TYPES}, Colima's default on a Mac first. */
    public static final List<String> VM_TYPES = List.of("vz", "qemu", "krunkit");

    private final SettingsUseCase settings;
    private final ComposeFileChoice composeFiles;
    private final Runnable settingsChanged;
    private final ActionState action;
    private final PreferencesVmViewModel vm;
    private final PreferencesAppViewModel app = new PreferencesAppViewModel();
    private final PreferencesConnectionsViewModel connections = new PreferencesConnectionsViewModel();
    private final PreferencesLoginViewModel login;
    private final PreferencesFileViewModel file = new PreferencesFileViewModel();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canSave = new ReadOnlyBooleanWrapper(false);

    /** The settings as on disk (last read or saved); the form is dirty when it differs. */
    private AppSettings baseline;
    /** The form is being filled from settings: not an edit. */
    private boolean filling;

    /**
     * @param settingsChanged called after every successful save, on the background executor (the app forgets the
     *                        settings it read and picks up the new ones)
     * @param composeFiles    applies a newly chosen compose file at once, before the rest is saved
     */
    public PreferencesViewModel(Executor ui, Executor background, SettingsUseCase settings,
                                NativePlatform platform, Runnable settingsChanged, ComposeFileChoice composeFiles) {
        this.composeFiles = Objects.requireNonNull(composeFiles);
        this.settings = Objects.requireNonNull(settings);
        this.settingsChanged = Objects.requireNonNull(settingsChanged);
        this.action = new ActionState(ui, background);
        this.vm = new PreferencesVmViewModel(Objects.requireNonNull(platform));
        this.login = new PreferencesLoginViewModel(this);
        Stream.of(vm.fields(), app.fields(), connections.fields()).flatMap(Stream::of).forEach(f -> f.addListener(this::edited));
        action.busyProperty().addListener(o -> updateCanSave());
        loaded.addListener(o -> updateCanSave());
    }

    // ---- what the panels share -----------------------------------------------------------------------------------

    SettingsUseCase settings() {
        return settings;
    }

    AppSettings baseline() {
        return baseline;
    }

    void setBaseline(AppSettings next) {
        baseline = next;
    }

    /** Tells the app the settings changed (background); why it could not take them, if it could not. */
    Optional<String> tell() {
        try {
            settingsChanged.run();
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** A save went through: the file on disk is the clean one just written. */
    void saved(SavedSettings saved, String done, Optional<String> notTaken) {
        file.saved(saved, done);
        notTaken.ifPresent(why -> action.fail(Notice.danger("Saved, but the app did not take the new settings", why)));
        updateDirty();
    }

    // ---- commands ------------------------------------------------------------------------------------------------

    /** The page is on screen: read the file again unless the form holds edits. UI executor. */
    public void shown() {
        if (!dirty.get() && !action.isBusy()) {
            load();
        }
    }

    /** Reads the settings file and the login item; the form shows what is on disk. */
    public void load() {
        if (action.isBusy()) {
            return;
        }
        action.begin("Reading the settings\u2026");
        action.work().run("read the settings", settings::load, this::loaded, e -> {
            action.end();
            action.failShowingMessage("Settings not read", e);
        });
    }

    /** Forgets the edits: the form shows the file as it is on disk now. */
    public void revert() {
        load();
    }

    private void loaded(SettingsUseCase.Current current) {
        LoadedSettings read = current.loaded();
        baseline = read.settings();
        filling = true;
        try {
            vm.fill(read.settings().vm());
            app.fill(read.settings());
            connections.fill(read.settings());
        } finally {
            filling = false;
        }
        login.show(current.loginItemInstalled(), read.settings().launchAtLogin(), current.loginItem().toString());
        file.read(current.file().toString(), read.problems());
        loaded.set(true);
        action.end();
        validate();
        updateDirty();
    }

    private void edited(Observable field) {
        if (filling) {
            return;
        }
        file.showStatus("");
        validate();
        updateDirty();
    }

    private void validate() {
        boolean appOk = app.validate() & connections.validate(); // both: each panel shows its errors
        valid.set(vm.validate(appOk).isPresent());
        updateCanSave();
    }

    private AppSettings formSettings(boolean launch) {
        VmSpec spec = vm.spec().orElseThrow(() -> new UserError(UserError.Kind.CONFIGURATION,
                "the VM settings are not valid"));
        return app.settings(spec, launch).withConnections(connections.connections());
    }

    private void updateDirty() {
        // An invalid form differs from the (valid) file by definition.
        dirty.set(baseline != null && (!valid.get() || !formSettings(baseline.launchAtLogin()).equals(baseline)));
        updateCanSave();
    }

    private void updateCanSave() {
        canSave.set(loaded.get() && !action.isBusy() && valid.get() && dirty.get());
    }

    private record Saved(SavedSettings saved, Optional<String> notTaken) { }

    /** Applies a new compose file (a bad one: refused, nothing saved), writes the form, then tells the app. */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        AppSettings next = formSettings(login.launchAtLoginProperty().get());
        boolean newComposeFile = !next.composeFile().equals(baseline.composeFile());
        action.begin("Saving\u2026");
        file.showStatus("Saving\u2026");
        action.work().run("save the settings", () -> {
            if (newComposeFile) {
                composeFiles.use(next.composeFile());
            }
            SavedSettings saved = settings.save(next);
            return new Saved(saved, tell());
        }, done -> {
            action.end();
            baseline = next;
            saved(done.saved(), "Saved to " + done.saved().file(), done.notTaken());
        }, e -> {
            action.end();
            file.showStatus("");
            action.failShowingMessage("Settings not saved", e);
        });
    }

    public ActionState action() {
        return action;
    }

    public PreferencesVmViewModel vm() {
        return vm;
    }

    public PreferencesAppViewModel app() {
        return app;
    }

    public PreferencesConnectionsViewModel connections() {
        return connections;
    }

    public PreferencesFileViewModel file() {
        return file;
    }

    public PreferencesLoginViewModel login() {
        return login;
    }

    /** The file was read at least once: the form holds settings, not placeholders. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** The form differs from the file. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSaveProperty() {
        return canSave.getReadOnlyProperty();
    }
}
