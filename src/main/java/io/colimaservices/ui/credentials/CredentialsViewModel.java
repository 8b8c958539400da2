package io.colimaservices.ui.credentials;

import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.CertificateExpiry;
import io.colimaservices.domain.ConnectionFormat;
import io.colimaservices.domain.CredentialService;
import io.colimaservices.domain.CredentialService.CredentialEntry;
import io.colimaservices.domain.CredentialService.TlsStatus;
import io.colimaservices.domain.CredentialService.VaultToken;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.VaultPhase;
import io.colimaservices.domain.VaultState;
import io.colimaservices.ui.common.BackgroundWork;
import io.colimaservices.ui.common.ClipboardKeeper;
import io.colimaservices.ui.common.Notice;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The Credentials page's state and actions: the services with a secret, the selected one's field names (values
 * masked), its connection string in a chosen format (password masked), copies through the {@link ClipboardKeeper}
 * with a countdown until the clipboard is cleared, the TLS switch with progress and certificate expiry, and copying
 * the stored tokens. Values are read from Vault only when copying and go straight to the clipboard: no property
 * ever holds one. Works with Vault sealed or down: says so and disables what needs it.
 */
public final class CredentialsViewModel {

    /** One field of the selected secret: its name and what is shown instead of its value. */
    public record FieldRow(String name, String masked) {
    }

    private final CredentialService credentials;
    private final ClipboardKeeper clipboard;
    private final Supplier<Duration> clearDelay;
    private final BackgroundWork work;

    private final ReadOnlyBooleanWrapper vaultAvailable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Notice> vaultNotice = new ReadOnlyObjectWrapper<>(
            Notice.info("Checking Vault…", ""));
    private final ObservableList<CredentialEntry> services = FXCollections.observableArrayList();
    private final ObservableList<CredentialEntry> readOnlyServices = FXCollections.unmodifiableObservableList(services);
    private final ObjectProperty<CredentialEntry> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper subtitle = new ReadOnlyStringWrapper("");
    private final ObservableList<FieldRow> fields = FXCollections.observableArrayList();
    private final ObservableList<FieldRow> readOnlyFields = FXCollections.unmodifiableObservableList(fields);
    private final ReadOnlyStringWrapper fieldsNote = new ReadOnlyStringWrapper("");
    private final ObservableList<ConnectionFormat> formats = FXCollections.observableArrayList();
    private final ObservableList<ConnectionFormat> readOnlyFormats = FXCollections.unmodifiableObservableList(formats);
    private final ObjectProperty<ConnectionFormat> format = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper connection = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper connectionNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper tlsCapable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper tlsEnabled = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper tlsKnown = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper tlsBusy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper tlsActivity = new ReadOnlyStringWrapper("");
    /** The service whose TLS switch changed the flag but whose restart did not complete (offer to restart again). */
    private final ReadOnlyStringWrapper tlsRestartPending = new ReadOnlyStringWrapper("");
    private final ObservableList<String> tlsLines = FXCollections.observableArrayList();
    private final javafx.collections.ObservableMap<String, Boolean> tlsStates = FXCollections.observableHashMap();
    private final javafx.collections.ObservableMap<String, Boolean> readOnlyTlsStates =
            FXCollections.unmodifiableObservableMap(tlsStates);
    private final ObservableList<String> readOnlyTlsLines = FXCollections.unmodifiableObservableList(tlsLines);
    private final ReadOnlyStringWrapper expiryText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<CertificateExpiry.Level> expiryLevel = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper copyStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper rootTokenStored = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper appTokenStored = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();

    private final BooleanBinding canCopy;
    private final BooleanBinding canCopyConnection;
    private final BooleanBinding canToggleTls;
    private final BooleanBinding hasFormats = Bindings.isNotEmpty(formats);

    private Catalog catalog;
    /** Bumped on every selection, so late answers for an earlier one are dropped. */
    private long generation;
    private String copied;
    /** True while a new selection sets its formats: its connection string loads after its secret. */
    private boolean selecting;

    /**
     * @param clearDelay how long a copied value stays on the clipboard (the settings' value; 30 s by default)
     */
    public CredentialsViewModel(CredentialService credentials, ClipboardKeeper clipboard,
                                Supplier<Duration> clearDelay, Executor ui, Executor background) {
        this.credentials = Objects.requireNonNull(credentials);
        this.clipboard = Objects.requireNonNull(clipboard);
        this.clearDelay = Objects.requireNonNull(clearDelay);
        this.work = new BackgroundWork(ui, background);
        canCopy = vaultAvailable.and(selected.isNotNull()).and(loading.not());
        canCopyConnection = canCopy.and(format.isNotNull()).and(connection.isNotEmpty());
        canToggleTls = vaultAvailable.and(tlsCapable).and(tlsKnown).and(tlsBusy.not()).and(loading.not());
        selected.addListener((o, before, now) -> loadSelected());
        format.addListener((o, before, now) -> {
            if (!selecting) {
                loadConnection();
            }
        });
        clipboard.onCheck(cleared -> ui.execute(() -> clipboardChecked(cleared)));
    }

    // ---- feed ----------------------------------------------------------------------------------------------------

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
        loadTokens();
    }

    private void loadServices() {
        work.run("list the services with credentials", credentials::services,
                list -> {
                    String current = selected.get() == null ? null : selected.get().service();
                    services.setAll(list);
                    Optional<CredentialEntry> keep = list.stream().filter(e -> e.service().equals(current))
                            .findFirst();
                    selected.set(keep.orElse(list.isEmpty() ? null : list.getFirst()));
                    loadTlsStates(list);
                },
                e -> notice.set(Notice.failure("Cannot list the services", e)));
    }

    /** Each TLS-capable service's state for the list ("· TLS on"), read once Vault can be read. */
    private void loadTlsStates(List<CredentialEntry> list) {
        if (!vaultAvailable.get()) {
            return;
        }
        list.stream().filter(CredentialEntry::tlsCapable).forEach(entry -> work.run("read the TLS state of "
                + entry.service(), () -> credentials.tlsStatus(entry.service()),
                status -> tlsStates.put(status.service(), status.enabled()), e -> { }));
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

    /** What {@link #describe} reads: the TLS states known so far (the list redraws when one changes). */
    public javafx.collections.ObservableMap<String, Boolean> tlsStates() {
        return readOnlyTlsStates;
    }

    private void loadTokens() {
        work.run("look the tokens up", () -> new boolean[] {credentials.tokenStored(VaultToken.ROOT),
                        credentials.tokenStored(VaultToken.APP)},
                stored -> {
                    rootTokenStored.set(stored[0]);
                    appTokenStored.set(stored[1]);
                },
                e -> notice.set(Notice.failure("Cannot read the secret store", e)));
    }

    // ---- selection -----------------------------------------------------------------------------------------------

    /** The service the page shows; its messages and TLS lines go when another is selected. */
    private String shownService;
    /** Outcomes of TLS switches that ended while another service was selected: shown when it is again. */
    private final java.util.Map<String, Notice> laterNotices = new java.util.HashMap<>();

    private void loadSelected() {
        long current = ++generation;
        CredentialEntry entry = selected.get();
        String service = entry == null ? null : entry.service();
        if (!Objects.equals(service, shownService)) {
            shownService = service;
            notice.set(service == null ? null : laterNotices.remove(service));
            tlsLines.clear();
        }
        fields.clear();
        fieldsNote.set("");
        connection.set("");
        connectionNote.set("");
        tlsKnown.set(false);
        tlsEnabled.set(false);
        expiryText.set("");
        expiryLevel.set(null);
        loading.set(false);
        if (entry == null) {
            title.set("");
            subtitle.set("");
            selecting = true;
            formats.clear();
            format.set(null);
            selecting = false;
            tlsCapable.set(false);
            return;
        }
        title.set(entry.service());
        subtitle.set("secret/" + entry.path() + entry.kind().map(k -> " · " + k.label()).orElse(""));
        tlsCapable.set(entry.tlsCapable());
        selecting = true;
        try {
            ConnectionFormat keep = format.get();
            if (!Objects.equals(formats, entry.formats())) {
                formats.setAll(entry.formats());
            }
            boolean keepIt = keep != null && entry.formats().contains(keep);
            format.set(keepIt ? keep : entry.formats().isEmpty() ? null : entry.formats().getFirst());
        } finally {
            selecting = false;
        }
        if (entry.formats().isEmpty()) {
            connectionNote.set(entry.service() + " has no connection string"
                    + entry.kind().map(k -> " (" + k.label() + ")").orElse("") + ".");
        }
        if (!vaultAvailable.get()) {
            fieldsNote.set("The fields show once Vault is unsealed.");
            if (!entry.formats().isEmpty()) {
                connectionNote.set("The connection string shows once Vault is unsealed.");
            }
            return;
        }
        loading.set(true);
        work.run("read secret/" + entry.path(), () -> credentials.overview(entry.service()),
                overview -> {
                    if (current != generation) {
                        return;
                    }
                    loading.set(false);
                    fields.setAll(overview.fields().stream()
                            .map(f -> new FieldRow(f, overview.shown(f))).toList());
                    fieldsNote.set(overview.fields().isEmpty() ? "No fields besides the TLS flag." : "");
                    overview.tls().ifPresent(this::showTls);
                    loadConnection();
                },
                e -> {
                    if (current != generation) {
                        return;
                    }
                    loading.set(false);
                    notice.set(Notice.failure("Cannot read secret/" + entry.path(), e));
                });
    }

    private void loadConnection() {
        CredentialEntry entry = selected.get();
        ConnectionFormat chosen = format.get();
        connection.set("");
        if (entry == null || chosen == null || !vaultAvailable.get() || !entry.formats().contains(chosen)) {
            return;
        }
        long current = generation;
        work.run("render a connection string", () -> credentials.maskedConnectionString(entry.service(), chosen),
                masked -> {
                    if (current == generation && chosen == format.get()) {
                        connection.set(masked);
                    }
                },
                e -> {
                    if (current == generation) {
                        connectionNote.set(e.getMessage());
                    }
                });
    }

    private void showTls(TlsStatus status) {
        tlsStates.put(status.service(), status.enabled());
        tlsKnown.set(true);
        tlsEnabled.set(status.enabled());
        Optional<CertificateExpiry> cert = status.certificate();
        expiryText.set(cert.map(c -> "Certificate " + c.describe() + ".")
                .orElse("No certificate stored yet: turn TLS on, or bootstrap Vault."));
        expiryLevel.set(cert.map(CertificateExpiry::level).orElse(null));
    }

    // ---- copy ----------------------------------------------------------------------------------------------------

    /** Copies one field's value, read from Vault now. */
    public void copyField(String field) {
        CredentialEntry entry = selected.get();
        if (!canCopy.get()) {
            return;
        }
        copyFrom(() -> credentials.fieldValue(entry.service(), field), "the " + field + " of " + entry.service());
    }

    /** Copies the connection string in the chosen format, password included. */
    public void copyConnection() {
        CredentialEntry entry = selected.get();
        ConnectionFormat chosen = format.get();
        if (!canCopyConnection.get()) {
            return;
        }
        copyFrom(() -> credentials.connectionString(entry.service(), chosen), "the " + chosen.label()
                + " connection string of " + entry.service());
    }

    /** Copies a stored token: an explicit action, never shown. Works while Vault is sealed. */
    public void copyToken(VaultToken token) {
        if (!(token == VaultToken.ROOT ? rootTokenStored : appTokenStored).get()) {
            return;
        }
        copyFrom(() -> credentials.token(token), token == VaultToken.ROOT ? "the root token" : "the app token");
    }

    /** Reads the value in the background and puts it on the clipboard on the UI thread; nothing else keeps it. */
    private void copyFrom(Supplier<String> read, String what) {
        work.run("copy " + what, read::get,
                value -> {
                    try {
                        clipboard.copy(value, clearDelay.get());
                    } catch (RuntimeException e) {
                        notice.set(Notice.failure("Could not copy " + what, e));
                        return;
                    }
                    copied = what;
                    clipboardChecked(false);
                },
                e -> notice.set(Notice.failure("Could not copy " + what, e)));
    }

    /** After each clipboard check (every second, and on wake): the countdown, or that it was cleared. */
    private void clipboardChecked(boolean cleared) {
        if (copied == null) {
            return;
        }
        Optional<Duration> left = clipboard.remaining();
        if (left.isPresent()) {
            long seconds = (left.get().toMillis() + 999) / 1000;
            copyStatus.set("Copied " + copied + ": clears in " + seconds + " s");
            return;
        }
        copyStatus.set(cleared ? "Cleared the clipboard (it held " + copied + ")."
                : "Left the clipboard alone: it holds something else now.");
        copied = null;
    }

    // ---- TLS -----------------------------------------------------------------------------------------------------

    /** Turns TLS on or off for the selected service; restarts vault-agent and the service (can take a minute). */
    public void setTls(boolean wanted) {
        CredentialEntry entry = selected.get();
        if (!canToggleTls.get() || wanted == tlsEnabled.get()) {
            return;
        }
        boolean before = tlsEnabled.get();
        tlsEnabled.set(wanted);
        tlsBusy.set(true);
        tlsLines.clear();
        notice.set(null);
        tlsRestartPending.set("");
        String service = entry.service();
        tlsActivity.set("Turning TLS " + (wanted ? "on" : "off") + " for " + service + ": this restarts vault-agent "
                + "and " + service + " and can take a minute…");
        work.run("switch TLS", () -> credentials.setTls(service, wanted, work.onUi(line -> tlsLine(service, line))),
                change -> tlsDone(entry, change),
                e -> {
                    tlsBusy.set(false);
                    tlsActivity.set("");
                    tell(service, Notice.failure("Switching TLS " + (wanted ? "on" : "off") + " for " + service
                            + " failed", e));
                    if (entry.equals(selected.get())) {
                        tlsEnabled.set(before);
                        reloadTls(entry);
                    }
                });
    }

    /** Restarts vault-agent and the service again after a switch whose restart did not complete. */
    public void retryTlsRestart() {
        CredentialEntry entry = selected.get();
        if (entry == null || tlsBusy.get() || !entry.service().equals(tlsRestartPending.get())) {
            return;
        }
        tlsBusy.set(true);
        tlsLines.clear();
        notice.set(null);
        tlsRestartPending.set("");
        String service = entry.service();
        tlsActivity.set("Restarting vault-agent and " + service + " so that it runs with TLS "
                + (tlsEnabled.get() ? "on" : "off") + "…");
        work.run("restart for TLS", () -> credentials.applyTls(service, work.onUi(line -> tlsLine(service, line))),
                change -> tlsDone(entry, change),
                e -> {
                    tlsBusy.set(false);
                    tlsActivity.set("");
                    tlsRestartPending.set(service);
                    tell(service, Notice.failure("Restarting " + service + " failed", e));
                });
    }

    private void tlsDone(CredentialEntry entry, CredentialService.TlsChange change) {
        tlsBusy.set(false);
        tlsActivity.set("");
        if (entry.equals(selected.get())) {
            showTls(change.status());
            loadConnection();
        }
        if (change.restartProblem().isPresent()) {
            tlsRestartPending.set(entry.service());
        }
        tell(entry.service(), tlsNotice(entry.service(), change));
    }

    /** A TLS progress line, shown only under its own service. */
    private void tlsLine(String service, String line) {
        if (service.equals(shownService)) {
            tlsLines.add(line);
        }
    }

    /** A message about {@code service}: now when it is shown, else when it is selected again. */
    private void tell(String service, Notice message) {
        if (service.equals(shownService)) {
            notice.set(message);
        } else {
            laterNotices.put(service, message);
        }
    }

    private static Notice tlsNotice(String service, CredentialService.TlsChange change) {
        if (change.restartProblem().isPresent()) {
            return Notice.warning(change.headline(), change.restartProblem().get()
                    + "\nRestart again to finish the switch.");
        }
        String state = change.status().enabled() ? "on" : "off";
        String issued = change.certificateIssued() ? " Issued a new certificate." : "";
        if (change.manualStep().isPresent()) {
            return Notice.warning("TLS is " + state + " for " + service + " in Vault",
                    "To apply it, restart them: " + change.manualStep().get() + issued);
        }
        return Notice.success((change.changed() ? "TLS is " : "TLS was already ") + state + " for " + service,
                (change.restarted().isEmpty() ? "" : "Restarted " + String.join(" and ", change.restarted())
                        + ": healthy.") + issued);
    }

    /** After a failed switch the flag may have changed anyway (the restart failed): read it again. */
    private void reloadTls(CredentialEntry entry) {
        long current = generation;
        work.run("read the TLS status", () -> credentials.tlsStatus(entry.service()),
                status -> {
                    if (current == generation) {
                        showTls(status);
                        loadConnection();
                    }
                },
                e -> { });
    }

    public void dismissNotice() {
        notice.set(null);
    }

    // ---- properties ----------------------------------------------------------------------------------------------

    public ReadOnlyBooleanProperty vaultAvailableProperty() {
        return vaultAvailable.getReadOnlyProperty();
    }

    /** Why credentials cannot be read now (sealed, down, ...); null while Vault is unsealed. */
    public ReadOnlyObjectProperty<Notice> vaultNoticeProperty() {
        return vaultNotice.getReadOnlyProperty();
    }

    public ObservableList<CredentialEntry> services() {
        return readOnlyServices;
    }

    /** The selected service (bound to the list's selection). */
    public ObjectProperty<CredentialEntry> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty subtitleProperty() {
        return subtitle.getReadOnlyProperty();
    }

    /** Field names with masked values. */
    public ObservableList<FieldRow> fields() {
        return readOnlyFields;
    }

    public ReadOnlyStringProperty fieldsNoteProperty() {
        return fieldsNote.getReadOnlyProperty();
    }

    public ObservableList<ConnectionFormat> formats() {
        return readOnlyFormats;
    }

    public ObjectProperty<ConnectionFormat> formatProperty() {
        return format;
    }

    /** The connection string with the password masked. */
    public ReadOnlyStringProperty connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty connectionNoteProperty() {
        return connectionNote.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty tlsCapableProperty() {
        return tlsCapable.getReadOnlyProperty();
    }

    /** The TLS flag (while a switch runs: the state asked for; back to the old one if it fails). */
    public ReadOnlyBooleanProperty tlsEnabledProperty() {
        return tlsEnabled.getReadOnlyProperty();
    }

    /** Whether the TLS flag has been read (it cannot be while Vault is sealed). */
    public ReadOnlyBooleanProperty tlsKnownProperty() {
        return tlsKnown.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty tlsBusyProperty() {
        return tlsBusy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tlsActivityProperty() {
        return tlsActivity.getReadOnlyProperty();
    }

    /** The service whose switch awaits a restart again (empty: none): the page offers "Restart again". */
    public ReadOnlyStringProperty tlsRestartPendingProperty() {
        return tlsRestartPending.getReadOnlyProperty();
    }

    public ObservableList<String> tlsLines() {
        return readOnlyTlsLines;
    }

    public ReadOnlyStringProperty expiryTextProperty() {
        return expiryText.getReadOnlyProperty();
    }

    /** How urgent renewing the certificate is; null without one. */
    public ReadOnlyObjectProperty<CertificateExpiry.Level> expiryLevelProperty() {
        return expiryLevel.getReadOnlyProperty();
    }

    /** "Copied the password of postgres: clears in 27 s", then what happened. */
    public ReadOnlyStringProperty copyStatusProperty() {
        return copyStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty rootTokenStoredProperty() {
        return rootTokenStored.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty appTokenStoredProperty() {
        return appTokenStored.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public BooleanBinding canCopyProperty() {
        return canCopy;
    }

    public BooleanBinding canCopyConnectionProperty() {
        return canCopyConnection;
    }

    public BooleanBinding canToggleTlsProperty() {
        return canToggleTls;
    }

    /** Whether any formats exist for the selection (the format selector shows only then). */
    public BooleanBinding hasFormatsProperty() {
        return hasFormats;
    }
}
