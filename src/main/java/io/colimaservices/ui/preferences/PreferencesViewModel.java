package io.colimaservices.ui.preferences;

import io.colimaservices.domain.AppSettings;
import io.colimaservices.domain.LoadedSettings;
import io.colimaservices.domain.NativePlatform;
import io.colimaservices.domain.SavedSettings;
import io.colimaservices.domain.TerminalApp;
import io.colimaservices.domain.UserError;
import io.colimaservices.domain.VmAdvice;
import io.colimaservices.domain.VmSpec;
import io.colimaservices.usecase.SettingsUseCase;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.IntFunction;

/**
 * The Preferences page: the settings file as a form (validated with the rules of {@link VmSpec} and
 * {@link AppSettings}), saved or reverted as a whole; launch at login, which applies at once (the login item is
 * installed or removed, then the choice saved). Shows what was wrong with the file when it was read, and where a bad
 * file was moved when a save replaced it. Properties change on the UI executor; the file and the login item are
 * touched on the background executor only.
 */
public final class PreferencesViewModel {
    /** The choices offered for the VM's architecture and type, in a stable order. */
    public static final List<String> ARCHES = VmSpec.ARCHES.stream().sorted().toList();
    /** {@link VmSpec#VM_TYPES}, Colima's default on a Mac first. */
    public static final List<String> VM_TYPES = List.of("vz", "qemu", "krunkit");

    private final Executor ui;
    private final Executor background;
    private final SettingsUseCase settings;
    private final NativePlatform platform;
    private final Runnable settingsChanged;

    // The form: bound both ways by the view.
    private final BooleanProperty startVmOnLaunch = new SimpleBooleanProperty(this, "startVmOnLaunch");
    private final BooleanProperty unsealAutomatically = new SimpleBooleanProperty(this, "unsealAutomatically", true);
    private final StringProperty clipboardSeconds = new SimpleStringProperty(this, "clipboardSeconds", "");
    private final javafx.beans.property.ObjectProperty<TerminalApp> terminal =
            new javafx.beans.property.SimpleObjectProperty<>(this, "terminal", TerminalApp.DEFAULT);
    private final StringProperty profile = new SimpleStringProperty(this, "profile", "");
    private final StringProperty cpus = new SimpleStringProperty(this, "cpus", "");
    private final StringProperty memory = new SimpleStringProperty(this, "memory", "");
    private final StringProperty disk = new SimpleStringProperty(this, "disk", "");
    private final StringProperty arch = new SimpleStringProperty(this, "arch", "aarch64");
    private final StringProperty vmType = new SimpleStringProperty(this, "vmType", "vz");
    private final BooleanProperty rosetta = new SimpleBooleanProperty(this, "rosetta");
    private final BooleanProperty networkAddress = new SimpleBooleanProperty(this, "networkAddress");
    private final BooleanProperty kubernetes = new SimpleBooleanProperty(this, "kubernetes");
    private final ReadOnlyObjectWrapper<Optional<Path>> composeFile = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ReadOnlyStringWrapper composeFileText = new ReadOnlyStringWrapper("");
    /** Where Vault and Docker are (empty: the defaults); applied on Save, without a restart. */
    private final StringProperty vaultAddress = new SimpleStringProperty(this, "vaultAddress", "");
    private final StringProperty vaultCaFile = new SimpleStringProperty(this, "vaultCaFile", "");
    private final StringProperty dockerHost = new SimpleStringProperty(this, "dockerHost", "");
    private final ReadOnlyStringWrapper connectionsError = new ReadOnlyStringWrapper("");
    /** Applies at once, not with Save. */
    private final BooleanProperty launchAtLogin = new SimpleBooleanProperty(this, "launchAtLogin");

    private final ReadOnlyStringWrapper profileError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper cpusError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper memoryError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper diskError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper clipboardError = new ReadOnlyStringWrapper("");
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyWarnings = FXCollections.unmodifiableObservableList(warnings);
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyProblems = FXCollections.unmodifiableObservableList(problems);

    private final ReadOnlyStringWrapper settingsFile = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper loginNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper movedAside = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper failureTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper failureHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
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
     */
    public PreferencesViewModel(Executor ui, Executor background, SettingsUseCase settings,
                                NativePlatform platform, Runnable settingsChanged) {
        this.ui = Objects.requireNonNull(ui);
        this.background = Objects.requireNonNull(background);
        this.settings = Objects.requireNonNull(settings);
        this.platform = Objects.requireNonNull(platform);
        this.settingsChanged = Objects.requireNonNull(settingsChanged);
        Observable[] form = {startVmOnLaunch, unsealAutomatically, clipboardSeconds, terminal, profile, cpus, memory,
                disk, arch, vmType, rosetta, networkAddress, kubernetes, composeFile, vaultAddress, vaultCaFile, dockerHost};
        for (Observable field : form) {
            field.addListener(o -> edited());
        }
        launchAtLogin.addListener((o, was, now) -> {
            if (!filling) {
                applyLaunchAtLogin(now);
            }
        });
        busy.addListener(o -> updateCanSave());
        loaded.addListener(o -> updateCanSave());
        composeFileText.set(describeCompose(Optional.empty()));
    }

    // --- reading

    /** The page is on screen: read the file again unless the form holds edits. UI executor. */
    public void shown() {
        if (!dirty.get() && !busy.get()) {
            load();
        }
    }

    /** Reads the settings file and the login item; the form shows what is on disk. */
    public void load() {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        background.execute(() -> {
            try {
                SettingsUseCase.Current current = settings.load();
                ui.execute(() -> loaded(current.loaded(), current.file().toString(), current.loginItemInstalled(),
                        current.loginItem().toString()));
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    busy.set(false);
                    showFailure("Settings not read", e);
                });
            }
        });
    }

    /** Forgets the edits: the form shows the file as it is on disk now. */
    public void revert() {
        load();
    }

    private void loaded(LoadedSettings read, String file, boolean installed, String item) {
        baseline = read.settings();
        fill(read.settings());
        filling = true;
        launchAtLogin.set(installed);
        filling = false;
        problems.setAll(read.problems());
        settingsFile.set(file);
        loginNote.set(loginWords(installed, read.settings().launchAtLogin(), item));
        movedAside.set("");
        status.set("");
        clearFailure();
        loaded.set(true);
        busy.set(false);
        validate();
        updateDirty();
    }

    private static String loginWords(boolean installed, boolean wanted, String item) {
        if (installed) {
            return "Registered: " + item;
        }
        return wanted ? "The settings say on, but nothing is registered at " + item + ": turn it on to register it"
                : "Not registered (" + item + ")";
    }

    private void fill(AppSettings s) {
        filling = true;
        try {
            startVmOnLaunch.set(s.startVmOnLaunch());
            unsealAutomatically.set(s.unsealAutomatically());
            clipboardSeconds.set(String.valueOf(s.clipboardClearSeconds()));
            terminal.set(s.terminal());
            VmSpec vm = s.vm();
            profile.set(vm.profile());
            cpus.set(String.valueOf(vm.cpus()));
            memory.set(String.valueOf(vm.memoryGiB()));
            disk.set(String.valueOf(vm.diskGiB()));
            arch.set(vm.arch());
            vmType.set(vm.vmType());
            rosetta.set(vm.rosetta());
            networkAddress.set(vm.networkAddress());
            kubernetes.set(vm.kubernetes());
            composeFile.set(s.composeFile());
            composeFileText.set(describeCompose(s.composeFile()));
            vaultAddress.set(s.connections().vaultAddress().orElse(""));
            vaultCaFile.set(s.connections().vaultCaFile().map(Path::toString).orElse(""));
            dockerHost.set(s.connections().dockerHost().orElse(""));
        } finally {
            filling = false;
        }
    }

    // --- editing

    /** The compose file to use instead of the bundled one (from the file chooser). */
    public void chooseComposeFile(Path file) {
        composeFile.set(Optional.of(file.toAbsolutePath().normalize()));
    }

    /** Back to the stack that ships with the app. */
    public void useBundledStack() {
        composeFile.set(Optional.empty());
    }

    private static String describeCompose(Optional<Path> file) {
        return file.map(Path::toString).orElse("The bundled stack");
    }

    private void edited() {
        composeFileText.set(describeCompose(composeFile.get()));
        if (filling) {
            return;
        }
        status.set("");
        validate();
        updateDirty();
    }

    private void validate() {
        profileError.set(check(() -> VmSpec.requireProfile(profile.get().strip())));
        cpusError.set(number("CPUs", cpus.get(), n -> VmSpec.defaults().withCpus(n)));
        memoryError.set(number("Memory", memory.get(), n -> VmSpec.defaults().withMemoryGiB(n)));
        diskError.set(number("Disk", disk.get(), n -> VmSpec.defaults().withDiskGiB(n)));
        clipboardError.set(number("The delay", clipboardSeconds.get(),
                n -> new AppSettings(VmSpec.defaults(), Optional.empty(), false, false, n)));
        connectionsError.set(check(this::formConnections));
        boolean fieldsOk = profileError.get().isEmpty() && cpusError.get().isEmpty() && memoryError.get().isEmpty()
                && diskError.get().isEmpty() && clipboardError.get().isEmpty() && connectionsError.get().isEmpty();
        Optional<VmSpec> spec = fieldsOk ? formSpec() : Optional.empty();
        valid.set(spec.isPresent());
        List<String> next = spec.map(this::advice).orElse(List.of());
        if (!next.equals(warnings)) {
            warnings.setAll(next);
        }
        updateCanSave();
    }

    private static String check(Runnable rule) {
        try {
            rule.run();
            return "";
        } catch (UserError e) {
            return e.getMessage();
        }
    }

    /** A whole number, then the domain's own rule for it (its words, e.g. "cpus must be from 1 to 256, not 0"). */
    private static String number(String what, String text, IntFunction<?> rule) {
        String value = text == null ? "" : text.strip();
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return value.isEmpty() ? what + " must be a whole number" : what + " must be a whole number, not '"
                    + value + "'";
        }
        return check(() -> rule.apply(n));
    }

    private Optional<VmSpec> formSpec() {
        try {
            return Optional.of(new VmSpec(profile.get().strip(), Integer.parseInt(cpus.get().strip()),
                    Integer.parseInt(memory.get().strip()), Integer.parseInt(disk.get().strip()), arch.get(),
                    vmType.get(), rosetta.get(), networkAddress.get(), kubernetes.get()));
        } catch (UserError | NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** The machine's warnings, and the options Colima is not given here (as StartArguments leaves them out). */
    private List<String> advice(VmSpec spec) {
        List<String> list = new ArrayList<>(VmAdvice.warnings(platform, spec));
        if (!platform.isMacOs()) {
            list.add("the VM type, Rosetta and the network address are macOS options: on " + platform.osName()
                    + " Colima is started without them");
        } else if (spec.rosetta() && !(platform.isAppleSilicon() && spec.vmType().equals("vz")
                && spec.arch().equals("aarch64"))) {
            list.add("Rosetta works only on an Apple Silicon Mac with VM type vz and arch aarch64: Colima is started "
                    + "without it");
        }
        return list;
    }

    private AppSettings formSettings(boolean launch) {
        VmSpec spec = formSpec().orElseThrow(() -> new UserError(UserError.Kind.CONFIGURATION,
                "the VM settings are not valid"));
        return new AppSettings(spec, composeFile.get(), startVmOnLaunch.get(), launch,
                Integer.parseInt(clipboardSeconds.get().strip()), unsealAutomatically.get(),
                terminal.get() == null ? TerminalApp.DEFAULT : terminal.get()).withConnections(formConnections());
    }

    /** @throws UserError naming the field that is not usable */
    private io.colimaservices.domain.Connections formConnections() {
        String ca = vaultCaFile.get() == null ? "" : vaultCaFile.get().strip();
        return new io.colimaservices.domain.Connections(Optional.ofNullable(vaultAddress.get()),
                ca.isEmpty() ? Optional.empty() : Optional.of(Path.of(ca)), Optional.ofNullable(dockerHost.get()));
    }

    private void updateDirty() {
        if (baseline == null) {
            dirty.set(false);
        } else {
            Optional<AppSettings> now = valid.get() ? Optional.of(formSettings(baseline.launchAtLogin()))
                    : Optional.empty();
            // An invalid form differs from the (valid) file by definition.
            dirty.set(now.map(s -> !s.equals(baseline)).orElse(true));
        }
        updateCanSave();
    }

    private void updateCanSave() {
        canSave.set(loaded.get() && !busy.get() && valid.get() && dirty.get());
    }

    // --- saving

    /** Writes the form (moving a bad file aside first), then tells the app. */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        AppSettings next = formSettings(launchAtLogin.get());
        busy.set(true);
        clearFailure();
        status.set("Saving\u2026");
        background.execute(() -> {
            SavedSettings saved;
            try {
                saved = settings.save(next);
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    busy.set(false);
                    status.set("");
                    showFailure("Settings not saved", e);
                });
                return;
            }
            Optional<String> notTaken = tell();
            ui.execute(() -> {
                baseline = next;
                saved(saved, "Saved to " + saved.file());
                notTaken.ifPresent(why -> showFailure("Saved, but the app did not take the new settings", why, ""));
                updateDirty();
            });
        });
    }

    private Optional<String> tell() {
        try {
            settingsChanged.run();
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(words(e));
        }
    }

    private void saved(SavedSettings saved, String done) {
        busy.set(false);
        problems.clear(); // the file on disk is the clean one just written
        movedAside.set(saved.movedAside().map(p -> "The settings file had problems, so it was kept as " + p
                + " and replaced.").orElse(""));
        status.set(done);
    }

    private void applyLaunchAtLogin(boolean on) {
        if (baseline == null || busy.get()) {
            setLaunchSwitch(!on); // not read yet, or a save runs: nothing was changed
            return;
        }
        busy.set(true);
        clearFailure();
        status.set(on ? "Registering the app to start at login\u2026" : "Removing the login item\u2026");
        AppSettings base = baseline;
        background.execute(() -> {
            SettingsUseCase.LoginChange change;
            try {
                change = settings.setLaunchAtLogin(on, base);
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    busy.set(false);
                    status.set("");
                    setLaunchSwitch(!on);
                    showFailure(on ? "Launch at login not turned on" : "Launch at login not turned off", e);
                });
                return;
            }
            String item = change.loginItem().toString();
            if (change.saveFailure().isPresent()) {
                RuntimeException e = change.saveFailure().get();
                ui.execute(() -> {
                    busy.set(false);
                    status.set("");
                    loginNote.set(loginWords(on, on, item));
                    showFailure("Launch at login is " + (on ? "on" : "off") + ", but the settings were not saved",
                            e);
                });
                return;
            }
            SavedSettings saved = change.saved().orElseThrow();
            Optional<String> notTaken = tell();
            ui.execute(() -> {
                baseline = baseline.withLaunchAtLogin(on);
                loginNote.set(loginWords(on, on, item));
                saved(saved, on ? "Launch at login on" : "Launch at login off");
                notTaken.ifPresent(why -> showFailure("Saved, but the app did not take the new settings", why, ""));
                updateDirty();
            });
        });
    }

    private void setLaunchSwitch(boolean on) {
        filling = true;
        launchAtLogin.set(on);
        filling = false;
    }

    private void clearFailure() {
        showFailure("", "", "");
    }

    private void showFailure(String title, RuntimeException e) {
        if (e instanceof UserError u) {
            showFailure(title, u.getMessage(), u.hint());
        } else {
            showFailure(title, words(e), "");
        }
    }

    private void showFailure(String title, String message, String hint) {
        failureTitle.set(title);
        failure.set(message);
        failureHint.set(hint);
    }

    /** Never a stack trace: the message, or the kind of failure when there is none. */
    private static String words(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    // --- properties: the form

    public BooleanProperty startVmOnLaunchProperty() {
        return startVmOnLaunch;
    }

    /** "Unseal Vault automatically": a recovery after a restart unseals with the stored shares. */
    public BooleanProperty unsealAutomaticallyProperty() {
        return unsealAutomatically;
    }

    /** Seconds, as typed; 1 to {@link AppSettings#MAX_CLIPBOARD_CLEAR_SECONDS}. */
    /** The terminal "Open shell" opens (macOS). */
    public javafx.beans.property.ObjectProperty<TerminalApp> terminalProperty() {
        return terminal;
    }

    public StringProperty clipboardSecondsProperty() {
        return clipboardSeconds;
    }

    public StringProperty profileProperty() {
        return profile;
    }

    public StringProperty cpusProperty() {
        return cpus;
    }

    /** GiB, as typed. */
    public StringProperty memoryProperty() {
        return memory;
    }

    /** GiB, as typed. */
    public StringProperty diskProperty() {
        return disk;
    }

    public StringProperty archProperty() {
        return arch;
    }

    public StringProperty vmTypeProperty() {
        return vmType;
    }

    public BooleanProperty rosettaProperty() {
        return rosetta;
    }

    public BooleanProperty networkAddressProperty() {
        return networkAddress;
    }

    public BooleanProperty kubernetesProperty() {
        return kubernetes;
    }

    /** Empty for the bundled stack. */
    /** Vault's address; empty for http://127.0.0.1:8200. */
    public StringProperty vaultAddressProperty() {
        return vaultAddress;
    }

    /** The CA file for an https Vault address; empty for none. */
    public StringProperty vaultCaFileProperty() {
        return vaultCaFile;
    }

    /** The Docker host; empty for DOCKER_HOST, the Colima socket, the default socket. */
    public StringProperty dockerHostProperty() {
        return dockerHost;
    }

    /** Why the Vault address, CA file or Docker host is not usable; empty when they are. */
    public ReadOnlyStringProperty connectionsErrorProperty() {
        return connectionsError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Optional<Path>> composeFileProperty() {
        return composeFile.getReadOnlyProperty();
    }

    /** The compose file's path, or "The bundled stack". */
    public ReadOnlyStringProperty composeFileTextProperty() {
        return composeFileText.getReadOnlyProperty();
    }

    /** Turning it on or off installs or removes the login item at once, then saves the choice. */
    public BooleanProperty launchAtLoginProperty() {
        return launchAtLogin;
    }

    // --- properties: what the page says

    public ReadOnlyStringProperty profileErrorProperty() {
        return profileError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty cpusErrorProperty() {
        return cpusError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty memoryErrorProperty() {
        return memoryError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty diskErrorProperty() {
        return diskError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty clipboardErrorProperty() {
        return clipboardError.getReadOnlyProperty();
    }

    /** Valid but doubtful choices for this machine (more CPUs than it has, Rosetta where it does not apply). */
    public ObservableList<String> warnings() {
        return readOnlyWarnings;
    }

    /** What was wrong with the file when it was read, one message each (file, line, what was expected). */
    public ObservableList<String> problems() {
        return readOnlyProblems;
    }

    public ReadOnlyStringProperty settingsFileProperty() {
        return settingsFile.getReadOnlyProperty();
    }

    /** Where the login item is, and whether it is there. */
    public ReadOnlyStringProperty loginNoteProperty() {
        return loginNote.getReadOnlyProperty();
    }

    /** After a save that replaced a bad file: where that file was kept. */
    public ReadOnlyStringProperty movedAsideProperty() {
        return movedAside.getReadOnlyProperty();
    }

    /** "Saved to ...", "Launch at login on", ... */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty failureTitleProperty() {
        return failureTitle.getReadOnlyProperty();
    }

    /** A failure's message (a {@link UserError}'s), empty when none. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty failureHintProperty() {
        return failureHint.getReadOnlyProperty();
    }

    /** The file was read at least once: the form holds settings, not placeholders. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Reading, saving or changing the login item. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
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
