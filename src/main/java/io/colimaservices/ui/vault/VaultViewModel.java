package io.colimaservices.ui.vault;

import io.colimaservices.domain.VaultOperations;
import io.colimaservices.domain.VaultOperations.StoredKeys;
import io.colimaservices.domain.VaultPhase;
import io.colimaservices.domain.VaultState;
import io.colimaservices.ui.common.BackgroundWork;
import io.colimaservices.ui.common.Notice;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The Vault page's state and actions: Vault's state as the store reports it, unseal with the stored shares or a
 * typed one, the first-run wizard (init, where the keys went, export, unseal + bootstrap), import of the original
 * project's keys, and bootstrap. Long actions run on the background executor, one at a time ({@link #busyProperty()});
 * their progress and outcome come back on the UI executor. A typed share lives in {@link #shareInputProperty()} only
 * until it is submitted.
 */
public final class VaultViewModel {
    public static final int DEFAULT_SHARES = 5;
    public static final int DEFAULT_THRESHOLD = 3;
    /** Vault's Shamir limit (and the secret store's). */
    public static final int MAX_SHARES = 255;
    static final String WEAK_STORE_WARNING = "No keychain answered, so they are in a file only you can read (0600). "
            + "That is weaker than a keychain: any program running as you can read it. On Linux, install "
            + "libsecret-tools and run a Secret Service (GNOME Keyring) to use it instead.";

    /** The first-run wizard's steps. */
    public enum WizardStep {
        /** Choose shares and threshold, then initialize. */
        CHOOSE,
        /** Initialized: where the keys went, export offer, then unseal and bootstrap. */
        STORED,
        /** Unsealing and bootstrapping (or failed at it: try again). */
        BOOTSTRAP,
        /** All done. */
        DONE
    }

    private final VaultOperations vault;
    private final BackgroundWork work;
    private final Runnable refresh;

    private final ReadOnlyObjectWrapper<VaultState> state = new ReadOnlyObjectWrapper<>(VaultState.unknown(""));
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Notice.Tone> tone = new ReadOnlyObjectWrapper<>(Notice.Tone.INFO);
    private final ReadOnlyDoubleWrapper sealProgress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper sealProgressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<StoredKeys> storedKeys = new ReadOnlyObjectWrapper<>(StoredKeys.NONE);
    private final ReadOnlyStringWrapper keysLine = new ReadOnlyStringWrapper("");
    private final StringProperty shareInput = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper unsealLine = new ReadOnlyStringWrapper("");
    private final IntegerProperty shares = new SimpleIntegerProperty(DEFAULT_SHARES);
    private final IntegerProperty threshold = new SimpleIntegerProperty(DEFAULT_THRESHOLD);
    private final ReadOnlyObjectWrapper<WizardStep> wizardStep = new ReadOnlyObjectWrapper<>(WizardStep.CHOOSE);
    private final ReadOnlyStringWrapper wizardStored = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper storeWarning = new ReadOnlyStringWrapper("");
    private final ObservableList<String> progressLines = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyProgressLines =
            FXCollections.unmodifiableObservableList(progressLines);
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();
    /** The phases the shown notice is about (null: any; set by {@link #say}, reset by any other notice). */
    private java.util.Set<VaultPhase> noticeHoldsFor;

    {
        notice.addListener((o, was, now) -> noticeHoldsFor = null);
    }
    private final ObservableList<Path> importedFiles = FXCollections.observableArrayList();
    private final ObservableList<Path> readOnlyImportedFiles =
            FXCollections.unmodifiableObservableList(importedFiles);

    private final BooleanBinding sealed = phaseIs(VaultPhase.SEALED);
    private final BooleanBinding unsealed = phaseIs(VaultPhase.UNSEALED);
    private final BooleanBinding uninitialized = phaseIs(VaultPhase.UNINITIALIZED);
    private final BooleanBinding initSettingsValid = Bindings.createBooleanBinding(
            () -> validSettings(shares.get(), threshold.get()), shares, threshold);
    private final BooleanBinding canUnseal;
    private final BooleanBinding canSubmitShare;
    private final BooleanBinding canBootstrap;
    private final BooleanBinding canInitialize;
    private final BooleanBinding canRunWizardBootstrap;
    private final BooleanBinding canExport;
    private final BooleanBinding wizardVisible;

    private int submitted;

    /**
     * @param refresh asks the store's Vault watcher for a fresh state (returns at once); the page shows what the
     *                store then publishes, via {@link #showState}
     */
    public VaultViewModel(VaultOperations vault, Executor ui, Executor background, Runnable refresh) {
        this.vault = Objects.requireNonNull(vault);
        this.work = new BackgroundWork(ui, background);
        this.refresh = Objects.requireNonNull(refresh);
        canUnseal = sealed.and(busy.not()).and(Bindings.createBooleanBinding(
                () -> storedKeys.get().shares() > 0, storedKeys));
        canSubmitShare = sealed.and(busy.not()).and(Bindings.createBooleanBinding(
                () -> shareInput.get() != null && !shareInput.get().isBlank(), shareInput));
        canBootstrap = unsealed.and(busy.not()).and(Bindings.createBooleanBinding(
                () -> storedKeys.get().rootToken(), storedKeys));
        canInitialize = uninitialized.and(busy.not()).and(initSettingsValid)
                .and(wizardStep.isEqualTo(WizardStep.CHOOSE));
        canRunWizardBootstrap = busy.not().and(wizardStep.isEqualTo(WizardStep.STORED)
                .or(wizardStep.isEqualTo(WizardStep.BOOTSTRAP)));
        canExport = busy.not().and(Bindings.createBooleanBinding(() -> storedKeys.get().shares() > 0, storedKeys));
        wizardVisible = uninitialized.or(wizardStep.isNotEqualTo(WizardStep.CHOOSE));
        describe(state.get());
    }

    private BooleanBinding phaseIs(VaultPhase phase) {
        return Bindings.createBooleanBinding(() -> state.get().phase() == phase, state);
    }

    static boolean validSettings(int shares, int threshold) {
        // Vault: 1 <= threshold <= shares <= 255, and a threshold of 1 only with a single share.
        return shares >= 1 && shares <= MAX_SHARES && threshold >= 1 && threshold <= shares
                && (threshold > 1 || shares == 1);
    }

    // ---- state ---------------------------------------------------------------------------------------------------

    /** Vault's state from the store (or from an action's result). UI thread. */
    public void showState(VaultState next) {
        state.set(Objects.requireNonNull(next));
        describe(next);
        if (noticeHoldsFor != null && next.phase() != VaultPhase.UNKNOWN && !noticeHoldsFor.contains(next.phase())) {
            // The message was about a state Vault has left (e.g. "bootstrapped... can start" once it is sealed again).
            notice.set(null);
        }
    }

    /** Shows {@code message} for as long as Vault stays in one of {@code phases}. */
    private void say(Notice message, VaultPhase... phases) {
        notice.set(message);
        noticeHoldsFor = java.util.EnumSet.copyOf(java.util.List.of(phases));
    }

    private void describe(VaultState s) {
        String version = s.version().map(v -> " · Vault " + v).orElse("");
        switch (s.phase()) {
            case UNKNOWN -> {
                headline.set("Checking Vault…");
                tone.set(Notice.Tone.INFO);
                detail.set(s.address());
            }
            case DOWN -> {
                headline.set("Vault is down");
                tone.set(Notice.Tone.DANGER);
                detail.set("No answer at " + s.address() + s.error().map(e -> ": " + e).orElse("")
                        + ". Start the stack's vault service.");
            }
            case UNINITIALIZED -> {
                headline.set("Vault is not initialized");
                tone.set(Notice.Tone.WARNING);
                detail.set(s.address() + version);
            }
            case SEALED -> {
                headline.set("Vault is sealed");
                tone.set(Notice.Tone.WARNING);
                detail.set(s.address() + version);
            }
            case UNSEALED -> {
                headline.set("Vault is unsealed (" + (s.standby() ? "standby" : "active") + ")");
                tone.set(Notice.Tone.SUCCESS);
                detail.set(s.address() + version);
            }
        }
        if (s.phase() == VaultPhase.SEALED && s.threshold() > 0) {
            sealProgress.set(Math.min(1.0, (double) s.progress() / s.threshold()));
            sealProgressText.set(s.progress() + "/" + s.threshold() + " shares submitted (" + s.shares()
                    + " exist)");
        } else {
            sealProgress.set(s.phase() == VaultPhase.UNSEALED ? 1.0 : 0.0);
            sealProgressText.set("");
        }
    }

    /** The page became visible: reads which keys are stored and asks for a fresh state. */
    public void activate() {
        refresh.run();
        loadKeys();
    }

    private void loadKeys() {
        work.run("read the secret store", () -> new KeysInfo(vault.storedKeys(), vault.storeDescription()),
                info -> {
                    storedKeys.set(info.keys());
                    keysLine.set(describeKeys(info));
                },
                e -> keysLine.set("Cannot read the secret store: " + e.getMessage()));
    }

    private record KeysInfo(StoredKeys keys, String store) {
    }

    private static String describeKeys(KeysInfo info) {
        StoredKeys k = info.keys();
        List<String> parts = new ArrayList<>();
        if (k.shares() > 0) {
            parts.add(k.shares() + (k.shares() == 1 ? " unseal key share" : " unseal key shares"));
        }
        if (k.rootToken()) {
            parts.add("the root token");
        }
        if (k.appToken()) {
            parts.add("the app token");
        }
        if (parts.isEmpty()) {
            return "No keys or tokens stored yet in " + info.store() + ".";
        }
        String list = parts.size() == 1 ? parts.getFirst()
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.getLast();
        return "Stored in " + info.store() + ": " + list + ".";
    }

    // ---- unseal --------------------------------------------------------------------------------------------------

    /** Submits the stored shares until Vault is unsealed, showing each step. */
    public void unseal() {
        if (!canUnseal.get()) {
            return;
        }
        begin("Unsealing with the stored shares…");
        submitted = 0;
        unsealLine.set("Submitting the stored shares…");
        work.run("unseal", () -> vault.unsealWithStoredShares(work.onUi(this::shareAccepted)),
                outcome -> {
                    end();
                    showState(outcome.state());
                    if (outcome.alreadyUnsealed()) {
                        unsealLine.set("");
                    }
                    say(outcome.alreadyUnsealed() ? Notice.info("Vault was already unsealed", "")
                            : Notice.success("Vault is unsealed", outcome.sharesSubmitted()
                            + " stored shares submitted."), VaultPhase.UNSEALED);
                    refresh.run();
                },
                e -> {
                    end();
                    unsealLine.set("");
                    say(Notice.failure("Unseal failed", e), VaultPhase.SEALED, VaultPhase.DOWN);
                    reloadState();
                });
    }

    private void shareAccepted(VaultState after) {
        submitted++;
        showState(after);
        unsealLine.set(after.phase() == VaultPhase.UNSEALED
                ? "Submitted " + submitted + (submitted == 1 ? " share" : " shares") + ": unsealed."
                : "Submitted " + submitted + (submitted == 1 ? " share" : " shares") + ": " + after.progress() + "/"
                + after.threshold() + ".");
    }

    /** Submits the typed share; the input is cleared at once, whatever Vault says. */
    public void submitShare() {
        String share = shareInput.get();
        shareInput.set("");
        if (share == null || share.isBlank() || !sealed.get() || busy.get()) {
            return;
        }
        begin("Submitting the share…");
        work.run("submit a share", () -> vault.submitShare(share),
                outcome -> {
                    end();
                    showState(outcome.state());
                    VaultState s = outcome.state();
                    say(outcome.alreadyUnsealed() ? Notice.info("Vault was already unsealed", "")
                            : s.phase() == VaultPhase.UNSEALED ? Notice.success("Vault is unsealed", "")
                            : Notice.info("Share accepted", "Progress " + s.progress() + "/" + s.threshold()
                            + ": " + (s.threshold() - s.progress()) + " more needed."), s.phase());
                    refresh.run();
                },
                e -> {
                    end();
                    notice.set(Notice.failure("The share was not accepted", e));
                    reloadState();
                });
    }

    // ---- first-run wizard ----------------------------------------------------------------------------------------

    /** Initializes Vault with the chosen shares and threshold; the keys go to the secret store. */
    public void initialize() {
        if (!canInitialize.get()) {
            return;
        }
        int n = shares.get();
        int t = threshold.get();
        begin("Initializing Vault…");
        work.run("initialize Vault", () -> vault.init(n, t),
                outcome -> {
                    end();
                    wizardStep.set(WizardStep.STORED);
                    wizardStored.set(outcome.shares() + " unseal key shares (" + outcome.threshold()
                            + " needed to unseal) and the root token are stored in " + outcome.storedIn() + ".");
                    storeWarning.set(outcome.weakerStore() ? WEAK_STORE_WARNING : "");
                    say(Notice.success("Vault is initialized", "Keep a backup of the shares somewhere else: "
                            + "export them to a file you move off this computer."), VaultPhase.UNINITIALIZED,
                            VaultPhase.SEALED, VaultPhase.UNSEALED);
                    loadKeys();
                    reloadState();
                },
                e -> {
                    end();
                    notice.set(Notice.failure("Initialization failed", e));
                    reloadState();
                });
    }

    /** Writes the stored shares to a new file the user chose. */
    public void exportShares(Path file) {
        if (!canExport.get()) {
            return;
        }
        begin("Exporting the shares…");
        work.run("export the shares", () -> vault.exportShares(file),
                count -> {
                    end();
                    notice.set(Notice.success("Exported " + count + " shares to " + file,
                            "Readable by you only. Keep that file away from this computer."));
                },
                e -> {
                    end();
                    notice.set(Notice.failure("Export failed", e));
                });
    }

    /** The wizard's last step: unseal with the stored shares if needed, then bootstrap, showing every line. */
    public void runWizardBootstrap() {
        if (!canRunWizardBootstrap.get()) {
            return;
        }
        wizardStep.set(WizardStep.BOOTSTRAP);
        progressLines.clear();
        begin("Unsealing and bootstrapping…");
        Consumer<String> line = work.onUi(progressLines::add);
        work.run("unseal and bootstrap", () -> {
                    if (vault.status().phase() == VaultPhase.SEALED) {
                        line.accept("unsealing with the stored shares");
                        vault.unsealWithStoredShares(s -> line.accept(s.phase() == VaultPhase.UNSEALED
                                ? "unsealed" : "share accepted: " + s.progress() + "/" + s.threshold()));
                    }
                    return bootstrapWith(line);
                },
                done -> {
                    end();
                    wizardStep.set(WizardStep.DONE);
                    say(bootstrapNotice(done), VaultPhase.UNSEALED);
                    loadKeys();
                    reloadState();
                },
                e -> {
                    end();
                    notice.set(Notice.failure("Bootstrap failed", e));
                    reloadState();
                });
    }

    /** Closes the finished wizard. */
    public void finishWizard() {
        if (wizardStep.get() == WizardStep.DONE) {
            wizardStep.set(WizardStep.CHOOSE);
            progressLines.clear();
        }
    }

    // ---- bootstrap -----------------------------------------------------------------------------------------------

    /** Bootstrap on an initialized, unsealed Vault (safe to run again: it only adds what is missing). */
    public void bootstrap() {
        if (!canBootstrap.get()) {
            return;
        }
        progressLines.clear();
        begin("Bootstrapping…");
        Consumer<String> line = work.onUi(progressLines::add);
        work.run("bootstrap", () -> bootstrapWith(line),
                done -> {
                    end();
                    say(bootstrapNotice(done), VaultPhase.UNSEALED);
                    loadKeys();
                },
                e -> {
                    end();
                    notice.set(Notice.failure("Bootstrap failed", e));
                    reloadState();
                });
    }

    private record Bootstrapped(VaultOperations.BootstrapOutcome outcome, int changes, String store, boolean weak) {
    }

    private Bootstrapped bootstrapWith(Consumer<String> line) {
        int[] changes = {0};
        VaultOperations.BootstrapOutcome outcome = vault.bootstrap(l -> {
            if (!l.startsWith("armed ")) {
                changes[0]++;
            }
            line.accept(l);
        });
        return new Bootstrapped(outcome, changes[0], vault.storeDescription(), vault.weakerStore());
    }

    private static Notice bootstrapNotice(Bootstrapped done) {
        VaultOperations.BootstrapOutcome o = done.outcome();
        String summary = o.secrets() + " secrets, CA chain at " + o.caChain() + ", app token in " + done.store()
                + ", vault-agent armed for " + o.armedServices() + " services.";
        if (o.appTokenCreated() && done.weak()) {
            // A success is never in a warning's colour: the weaker store is said in the detail (and the keys line).
            return Notice.success("Bootstrap done", summary + "\n" + WEAK_STORE_WARNING);
        }
        return Notice.success(done.changes() == 0 ? "Vault already had everything; nothing was changed"
                : "Bootstrap done", summary);
    }

    // ---- import --------------------------------------------------------------------------------------------------

    /** Where the directory chooser starts: the original project's {@code ~/.config/vault}. */
    public Path defaultImportDirectory() {
        return vault.defaultImportDirectory();
    }

    /** Moves the original project's keys from {@code directory} into the secret store, then offers to delete them. */
    public void importFrom(Path directory) {
        if (busy.get()) {
            return;
        }
        importedFiles.clear();
        begin("Importing the original keys…");
        work.run("import keys", () -> vault.importFrom(directory),
                o -> {
                    end();
                    String what = o.shares() + (o.shares() == 1 ? " unseal key share" : " unseal key shares")
                            + (o.rootToken() ? " and the root token" : "");
                    String where = "Stored in " + o.storedIn() + ".";
                    notice.set(o.weakerStore() ? Notice.success("Imported " + what, where + "\n" + WEAK_STORE_WARNING)
                            : Notice.success("Imported " + what, where));
                    importedFiles.setAll(o.files());
                    loadKeys();
                },
                e -> {
                    end();
                    notice.set(Notice.failure("Import failed", e));
                });
    }

    /** The user chose to delete the imported files. */
    public void deleteImportedFiles() {
        if (importedFiles.isEmpty() || busy.get()) {
            return;
        }
        List<Path> files = List.copyOf(importedFiles);
        importedFiles.clear();
        begin("Deleting the original files…");
        work.run("delete the original files", () -> vault.deleteOriginalFiles(files),
                deleted -> {
                    end();
                    notice.set(Notice.success("Deleted the original files", String.join("\n",
                            deleted.stream().map(Path::toString).toList())));
                },
                e -> {
                    end();
                    notice.set(Notice.failure("Could not delete the original files", e));
                });
    }

    /** The user chose to keep the imported files. */
    public void keepImportedFiles() {
        if (importedFiles.isEmpty()) {
            return;
        }
        List<Path> files = List.copyOf(importedFiles);
        importedFiles.clear();
        notice.set(Notice.warning("Kept the original files", String.join(", ", files.stream().map(Path::toString)
                .toList()) + " hold every key and the root token in plain text: delete them once you have a backup."));
    }

    public void dismissNotice() {
        notice.set(null);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private void begin(String what) {
        busy.set(true);
        activity.set(what);
        notice.set(null);
    }

    private void end() {
        busy.set(false);
        activity.set("");
    }

    /** After a failure the state may have moved (a refused share resets progress): ask again. */
    private void reloadState() {
        refresh.run();
        work.run("read Vault's state", vault::status, this::showState, e -> { });
    }

    // ---- properties ----------------------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<VaultState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** Address and version, or why Vault is down. */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice.Tone> toneProperty() {
        return tone.getReadOnlyProperty();
    }

    /** Sealed: shares submitted / threshold (0..1). */
    public ReadOnlyDoubleProperty sealProgressProperty() {
        return sealProgress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sealProgressTextProperty() {
        return sealProgressText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty activityProperty() {
        return activity.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StoredKeys> storedKeysProperty() {
        return storedKeys.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty keysLineProperty() {
        return keysLine.getReadOnlyProperty();
    }

    /** The typed share (bound to a PasswordField); emptied as soon as it is submitted. */
    public StringProperty shareInputProperty() {
        return shareInput;
    }

    /** The stored-share unseal's progress: shares submitted and t/n. */
    public ReadOnlyStringProperty unsealLineProperty() {
        return unsealLine.getReadOnlyProperty();
    }

    public IntegerProperty sharesProperty() {
        return shares;
    }

    public IntegerProperty thresholdProperty() {
        return threshold;
    }

    public ReadOnlyObjectProperty<WizardStep> wizardStepProperty() {
        return wizardStep.getReadOnlyProperty();
    }

    /** Where init put the shares and the root token. */
    public ReadOnlyStringProperty wizardStoredProperty() {
        return wizardStored.getReadOnlyProperty();
    }

    /** The weaker-store warning, empty with a keychain. */
    public ReadOnlyStringProperty storeWarningProperty() {
        return storeWarning.getReadOnlyProperty();
    }

    /** Bootstrap's progress lines (also the wizard's unseal steps). */
    public ObservableList<String> progressLines() {
        return readOnlyProgressLines;
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The files just imported, while the page offers to delete them; empty otherwise. */
    public ObservableList<Path> importedFiles() {
        return readOnlyImportedFiles;
    }

    public BooleanBinding sealedProperty() {
        return sealed;
    }

    public BooleanBinding unsealedProperty() {
        return unsealed;
    }

    public BooleanBinding canUnsealProperty() {
        return canUnseal;
    }

    public BooleanBinding canSubmitShareProperty() {
        return canSubmitShare;
    }

    public BooleanBinding canBootstrapProperty() {
        return canBootstrap;
    }

    public BooleanBinding canInitializeProperty() {
        return canInitialize;
    }

    public BooleanBinding initSettingsValidProperty() {
        return initSettingsValid;
    }

    public BooleanBinding canRunWizardBootstrapProperty() {
        return canRunWizardBootstrap;
    }

    public BooleanBinding canExportProperty() {
        return canExport;
    }

    public BooleanBinding wizardVisibleProperty() {
        return wizardVisible;
    }
}
