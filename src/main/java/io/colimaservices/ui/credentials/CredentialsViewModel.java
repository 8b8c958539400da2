package io.colimaservices.ui.credentials;

import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.CredentialService;
import io.colimaservices.domain.CredentialService.CredentialEntry;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.VaultPhase;
import io.colimaservices.domain.VaultState;
import io.colimaservices.ui.common.ActionState;
import io.colimaservices.ui.common.ClipboardKeeper;
import io.colimaservices.ui.common.Notice;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The Credentials page: the services with a secret and the selection, whether Vault can be read now, the page's one
 * {@link ActionState}, and its panels: the selected secret's {@link CredentialsDetailViewModel details} (fields,
 * connection string), {@link CredentialsCopyViewModel copies} with their clipboard countdown, and the
 * {@link CredentialsTlsViewModel TLS switch}. Values are read from Vault only when copying and go straight to the
 * clipboard: no property ever holds one. Works with Vault sealed or down: says so and disables what needs it.
 */
public final class CredentialsViewModel {
    private final CredentialService credentials;
    private final ActionState action;
    private final ReadOnlyBooleanWrapper vaultAvailable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Notice> vaultNotice = new ReadOnlyObjectWrapper<>(
            Notice.info("Checking Vault…", ""));
    private final ObservableList<CredentialEntry> services = FXCollections.observableArrayList();
    private final ObservableList<CredentialEntry> readOnlyServices = FXCollections.unmodifiableObservableList(services);
    private final ObjectProperty<CredentialEntry> selected = new SimpleObjectProperty<>();
    private final CredentialsTlsViewModel tls;
    private final CredentialsDetailViewModel details;
    private final CredentialsCopyViewModel copying;
    private final ObservableMap<String, Boolean> tlsStates = FXCollections.observableHashMap();
    private final ObservableMap<String, Boolean> readOnlyTlsStates = FXCollections.unmodifiableObservableMap(tlsStates);

    private Catalog catalog;
    /** Bumped on every selection, so late answers for an earlier one are dropped. */
    private long generation;

    /**
     * @param clearDelay how long a copied value stays on the clipboard (the settings' value; 30 s by default)
     */
    public CredentialsViewModel(CredentialService credentials, ClipboardKeeper clipboard,
                                Supplier<Duration> clearDelay, Executor ui, Executor background) {
        this.credentials = Objects.requireNonNull(credentials);
        this.action = new ActionState(ui, background);
        details = new CredentialsDetailViewModel(this);
        tls = new CredentialsTlsViewModel(this);
        copying = new CredentialsCopyViewModel(this, clipboard, clearDelay, ui);
        selected.addListener((o, before, now) -> loadSelected());
    }

    // ---- what the panels share -----------------------------------------------------------------------------------

    CredentialService credentials() {
        return credentials;
    }

    /** The current selection's number: an answer for an older one is dropped. */
    long generation() {
        return generation;
    }

    /** A service's TLS flag as Vault said it (the list shows it). */
    void tlsStateRead(String service, boolean enabled) {
        tlsStates.put(service, enabled);
    }

    private void loadSelected() {
        long current = ++generation;
        CredentialEntry entry = selected.get();
        tls.reset(entry);
        details.load(entry, current);
    }

    // ---- commands ------------------------------------------------------------------------------------------------

    /** A snapshot from the store (UI thread): Vault's state, and the catalog when it changed. */
    public void show(StackSnapshot snapshot) {
        showVault(snapshot.vault());
        if (snapshot.catalog() != catalog) {
            catalog = snapshot.catalog();
            loadServices();
        }
    }

    /** Vault's state: credentials can be read only while it is unsealed. */
    public void showVault(VaultState state) {
        boolean was = vaultAvailable.get();
        boolean now = state.phase() == VaultPhase.UNSEALED;
        vaultAvailable.set(now);
        vaultNotice.set(switch (state.phase()) {
            case UNSEALED -> null;
            case SEALED -> Notice.warning("Vault is sealed", "Unseal it on the Vault page to read credentials or "
                    + "switch TLS. The stored tokens can still be copied.");
            case UNINITIALIZED -> Notice.warning("Vault is not initialized", "Set it up on the Vault page; until then "
                    + "there are no credentials.");
            case DOWN -> Notice.danger("Vault is down", "No answer at " + state.address()
                    + state.error().map(e -> " (" + e + ")").orElse("") + ". Start the stack's vault service.");
            case UNKNOWN -> Notice.info("Checking Vault…", "");
        });
        if (now != was) {
            loadSelected();
            loadTlsStates(List.copyOf(services));
        }
    }

    /** The page became visible: the services and which tokens are stored. */
    public void activate() {
        loadServices();
        copying.loadTokens();
    }

    private void loadServices() {
        action.work().run("list the services with credentials", credentials::services,
                list -> {
                    String current = selected.get() == null ? null : selected.get().service();
                    services.setAll(list);
                    Optional<CredentialEntry> keep = list.stream().filter(e -> e.service().equals(current))
                            .findFirst();
                    selected.set(keep.orElse(list.isEmpty() ? null : list.getFirst()));
                    loadTlsStates(list);
                },
                e -> action.fail("Cannot list the services", e));
    }

    /** Each TLS-capable service's state for the list ("· TLS on"), read once Vault can be read. */
    private void loadTlsStates(List<CredentialEntry> list) {
        if (!vaultAvailable.get()) {
            return;
        }
        list.stream().filter(CredentialEntry::tlsCapable).forEach(entry -> action.work().run("read the TLS state of "
                + entry.service(), () -> credentials.tlsStatus(entry.service()),
                status -> tlsStateRead(status.service(), status.enabled()), e -> { }));
    }

    /**
     * The list's second line: the kind, and for a TLS-capable service whether TLS is on (as Vault says), or that
     * it can be switched while that is not known yet.
     */
    public String describe(CredentialEntry entry) {
        String kind = entry.kind().map(k -> k.label()).orElse("secret");
        if (!entry.tlsCapable()) {
            return kind;
        }
        Boolean on = tlsStates.get(entry.service());
        return kind + (on == null ? " \u00b7 TLS-capable" : on ? " \u00b7 TLS on" : " \u00b7 TLS off");
    }

    // ---- panels and properties -----------------------------------------------------------------------------------

    public ActionState action() {
        return action;
    }

    public CredentialsDetailViewModel details() {
        return details;
    }

    public CredentialsCopyViewModel copying() {
        return copying;
    }

    public CredentialsTlsViewModel tls() {
        return tls;
    }

    public ReadOnlyBooleanProperty vaultAvailableProperty() {
        return vaultAvailable.getReadOnlyProperty();
    }

    /** Why credentials cannot be read now (sealed, down, ...); null while Vault is unsealed. */
    public ReadOnlyObjectProperty<Notice> vaultNoticeProperty() {
        return vaultNotice.getReadOnlyProperty();
    }

    /** What {@link #describe} reads: the TLS states known so far (the list redraws when one changes). */
    public ObservableMap<String, Boolean> tlsStates() {
        return readOnlyTlsStates;
    }

    public ObservableList<CredentialEntry> services() {
        return readOnlyServices;
    }

    /** The selected service (bound to the list's selection). */
    public ObjectProperty<CredentialEntry> selectedProperty() {
        return selected;
    }
}
