package io.colimaservices.ui.vault;

import io.colimaservices.domain.VaultOperations.StoredKeys;
import io.colimaservices.domain.VaultPhase;
import io.colimaservices.domain.VaultState;
import io.colimaservices.ui.common.ActionState;
import io.colimaservices.ui.common.Notice;
import io.colimaservices.usecase.VaultUseCase;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The Vault page: Vault's state as the store reports it (the header panel), the keys the secret store holds, the
 * page's one {@link ActionState}, and its panels: {@link VaultUnsealViewModel unseal},
 * {@link VaultWizardViewModel first-run wizard}, {@link VaultBootstrapViewModel bootstrap} and
 * {@link VaultImportViewModel import}. Every call goes to {@link VaultUseCase}.
 */
public final class VaultViewModel {
    static final String WEAK_STORE_WARNING = "No keychain answered, so they are in a file only you can read (0600). "
            + "That is weaker than a keychain: any program running as you can read it. On Linux, install "
            + "libsecret-tools and run a Secret Service (GNOME Keyring) to use it instead.";

    private final VaultUseCase vault;
    private final ActionState action;
    private final Runnable refresh;
    private final StateBoundNotice messages;

    private final ReadOnlyObjectWrapper<VaultState> state = new ReadOnlyObjectWrapper<>(VaultState.unknown(""));
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Notice.Tone> tone = new ReadOnlyObjectWrapper<>(Notice.Tone.INFO);
    private final ReadOnlyDoubleWrapper sealProgress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper sealProgressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<StoredKeys> storedKeys = new ReadOnlyObjectWrapper<>(StoredKeys.NONE);
    private final ReadOnlyStringWrapper keysLine = new ReadOnlyStringWrapper("");
    private final BooleanBinding sealed = phaseIs(VaultPhase.SEALED);
    private final BooleanBinding unsealed = phaseIs(VaultPhase.UNSEALED);
    private final BooleanBinding uninitialized = phaseIs(VaultPhase.UNINITIALIZED);

    private final VaultUnsealViewModel unsealing;
    private final VaultBootstrapViewModel bootstrapping;
    private final VaultWizardViewModel wizard;
    private final VaultImportViewModel imports;

    /**
     * @param refresh asks the store's Vault watcher for a fresh state (returns at once); the page shows what the
     *                store then publishes, via {@link #showState}
     */
    public VaultViewModel(VaultUseCase vault, Executor ui, Executor background, Runnable refresh) {
        this.vault = Objects.requireNonNull(vault);
        this.action = new ActionState(ui, background);
        this.refresh = Objects.requireNonNull(refresh);
        this.messages = new StateBoundNotice(action);
        unsealing = new VaultUnsealViewModel(this);
        bootstrapping = new VaultBootstrapViewModel(this);
        wizard = new VaultWizardViewModel(this, bootstrapping);
        imports = new VaultImportViewModel(this);
        describe(state.get());
    }

    private BooleanBinding phaseIs(VaultPhase phase) {
        return Bindings.createBooleanBinding(() -> state.get().phase() == phase, state);
    }

    // ---- what the panels share -----------------------------------------------------------------------------------

    VaultUseCase vault() {
        return vault;
    }

    /** Shows {@code message} for as long as Vault stays in one of {@code phases} (a message follows the state). */
    void say(Notice message, VaultPhase... phases) {
        messages.say(message, phases);
    }

    /** The failure shown now holds only while Vault stays in one of {@code phases}. */
    void holdNoticeFor(VaultPhase... phases) {
        messages.holdFor(phases);
    }

    /** After a change the store's state may lag: ask the watcher. */
    void refresh() {
        refresh.run();
    }

    /** After a failure the state may have moved (a refused share resets progress): ask again. */
    void reloadState() {
        refresh.run();
        action.work().run("read Vault's state", vault::status, this::showState, e -> { });
    }

    void loadKeys() {
        action.work().run("read the secret store",
                () -> new KeysInfo(vault.storedKeys(), vault.storeDescription()),
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

    // ---- commands ------------------------------------------------------------------------------------------------

    /** Vault's state from the store (or from an action's result). UI thread. */
    public void showState(VaultState next) {
        state.set(Objects.requireNonNull(next));
        describe(next);
        messages.follow(next.phase());
    }

    private void describe(VaultState s) {
        String version = s.version().map(v -> " · Vault " + v).orElse("");
        switch (s.phase()) {
            case UNKNOWN -> header("Checking Vault…", Notice.Tone.INFO, s.address());
            case DOWN -> header("Vault is down", Notice.Tone.DANGER, "No answer at " + s.address()
                    + s.error().map(e -> ": " + e).orElse("") + ". Start the stack's vault service.");
            case UNINITIALIZED -> header("Vault is not initialized", Notice.Tone.WARNING, s.address() + version);
            case SEALED -> header("Vault is sealed", Notice.Tone.WARNING, s.address() + version);
            case UNSEALED -> header("Vault is unsealed (" + (s.standby() ? "standby" : "active") + ")",
                    Notice.Tone.SUCCESS, s.address() + version);
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

    private void header(String line, Notice.Tone t, String more) {
        headline.set(line);
        tone.set(t);
        detail.set(more);
    }

    /** The page became visible: reads which keys are stored and asks for a fresh state. */
    public void activate() {
        refresh.run();
        loadKeys();
    }

    // ---- panels and properties -----------------------------------------------------------------------------------

    public ActionState action() {
        return action;
    }

    public VaultUnsealViewModel unsealing() {
        return unsealing;
    }

    public VaultWizardViewModel wizard() {
        return wizard;
    }

    public VaultBootstrapViewModel bootstrapping() {
        return bootstrapping;
    }

    public VaultImportViewModel imports() {
        return imports;
    }

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

    public ReadOnlyObjectProperty<StoredKeys> storedKeysProperty() {
        return storedKeys.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty keysLineProperty() {
        return keysLine.getReadOnlyProperty();
    }

    public BooleanBinding sealedProperty() {
        return sealed;
    }

    public BooleanBinding unsealedProperty() {
        return unsealed;
    }

    public BooleanBinding uninitializedProperty() {
        return uninitialized;
    }
}
