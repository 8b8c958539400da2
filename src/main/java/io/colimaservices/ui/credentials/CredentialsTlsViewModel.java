package io.colimaservices.ui.credentials;

import io.colimaservices.domain.CertificateExpiry;
import io.colimaservices.domain.CredentialService;
import io.colimaservices.domain.CredentialService.CredentialEntry;
import io.colimaservices.domain.CredentialService.TlsStatus;
import io.colimaservices.ui.common.ActionState;
import io.colimaservices.ui.common.Notice;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Credentials page's TLS panel: the selected service's TLS flag and certificate expiry, the switch (which
 * restarts vault-agent and the service: the page's action, busy meanwhile) with its progress lines, and "restart
 * again" after a switch whose restart did not complete. The page's message and the progress lines belong to the
 * service shown: they go when another is selected, and a switch that ends meanwhile keeps its outcome for when its
 * service is selected again.
 */
public final class CredentialsTlsViewModel {
    private final CredentialsViewModel page;
    private final ActionState action;
    private final ReadOnlyBooleanWrapper tlsCapable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper tlsEnabled = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper tlsKnown = new ReadOnlyBooleanWrapper();
    /** The service whose TLS switch changed the flag but whose restart did not complete (offer to restart again). */
    private final ReadOnlyStringWrapper tlsRestartPending = new ReadOnlyStringWrapper("");
    private final ObservableList<String> tlsLines = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyTlsLines = FXCollections.unmodifiableObservableList(tlsLines);
    private final ReadOnlyStringWrapper expiryText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<CertificateExpiry.Level> expiryLevel = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding canToggleTls;
    /** The service the page shows; its messages and TLS lines go when another is selected. */
    private String shownService;
    /** Outcomes of TLS switches that ended while another service was selected: shown when it is again. */
    private final Map<String, Notice> laterNotices = new HashMap<>();

    CredentialsTlsViewModel(CredentialsViewModel page) {
        this.page = page;
        this.action = page.action();
        canToggleTls = page.vaultAvailableProperty().and(tlsCapable).and(tlsKnown).and(action.busyProperty().not())
                .and(page.details().loadingProperty().not());
    }

    // ---- properties ----------------------------------------------------------------------------------------------

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

    public BooleanBinding canToggleTlsProperty() {
        return canToggleTls;
    }

    // ---- commands ------------------------------------------------------------------------------------------------

    /** A new selection: nothing known about its TLS until its secret is read. */
    void reset(CredentialEntry entry) {
        String service = entry == null ? null : entry.service();
        if (!Objects.equals(service, shownService)) {
            shownService = service;
            Notice later = service == null ? null : laterNotices.remove(service);
            if (later != null && later.tone() == Notice.Tone.DANGER) {
                action.fail(later);
            } else {
                action.show(later);
            }
            tlsLines.clear();
        }
        tlsKnown.set(false);
        tlsEnabled.set(false);
        expiryText.set("");
        expiryLevel.set(null);
        tlsCapable.set(entry != null && entry.tlsCapable());
    }

    void show(TlsStatus status) {
        page.tlsStateRead(status.service(), status.enabled());
        tlsKnown.set(true);
        tlsEnabled.set(status.enabled());
        Optional<CertificateExpiry> cert = status.certificate();
        expiryText.set(cert.map(c -> "Certificate " + c.describe() + ".")
                .orElse("No certificate stored yet: turn TLS on, or bootstrap Vault."));
        expiryLevel.set(cert.map(CertificateExpiry::level).orElse(null));
    }

    /** Turns TLS on or off for the selected service; restarts vault-agent and the service (can take a minute). */
    public void setTls(boolean wanted) {
        CredentialEntry entry = page.selectedProperty().get();
        if (!canToggleTls.get() || wanted == tlsEnabled.get()) {
            return;
        }
        boolean before = tlsEnabled.get();
        tlsEnabled.set(wanted);
        tlsLines.clear();
        tlsRestartPending.set("");
        String service = entry.service();
        run(service, "Turning TLS " + (wanted ? "on" : "off") + " for " + service + ": this restarts vault-agent "
                        + "and " + service + " and can take a minute…",
                () -> page.credentials().setTls(service, wanted, action.work().onUi(line -> tlsLine(service, line))),
                change -> done(entry, change),
                "Switching TLS " + (wanted ? "on" : "off") + " for " + service + " failed",
                e -> {
                    if (entry.equals(page.selectedProperty().get())) {
                        tlsEnabled.set(before);
                        reload(entry);
                    }
                });
    }

    /** Restarts vault-agent and the service again after a switch whose restart did not complete. */
    public void retryTlsRestart() {
        CredentialEntry entry = page.selectedProperty().get();
        if (entry == null || action.isBusy() || !entry.service().equals(tlsRestartPending.get())) {
            return;
        }
        tlsLines.clear();
        tlsRestartPending.set("");
        String service = entry.service();
        run(service, "Restarting vault-agent and " + service + " so that it runs with TLS "
                        + (tlsEnabled.get() ? "on" : "off") + "…",
                () -> page.credentials().applyTls(service, action.work().onUi(line -> tlsLine(service, line))),
                change -> done(entry, change),
                "Restarting " + service + " failed",
                e -> tlsRestartPending.set(service));
    }

    private void done(CredentialEntry entry, CredentialService.TlsChange change) {
        if (entry.equals(page.selectedProperty().get())) {
            show(change.status());
            page.details().loadConnection();
        }
        if (change.restartProblem().isPresent()) {
            tlsRestartPending.set(entry.service());
        }
        tell(entry.service(), notice(entry.service(), change));
    }

    /** The page's action about {@code service}: its failure is told to that service, like its outcome. */
    private <T> void run(String service, String activity, Supplier<T> work, Consumer<T> done, String failedTitle,
                         Consumer<RuntimeException> failed) {
        action.begin(activity);
        action.work().run(activity, work, result -> {
            action.end();
            done.accept(result);
        }, e -> {
            action.end();
            tell(service, Notice.failure(failedTitle, e));
            failed.accept(e);
        });
    }

    /** A TLS progress line, shown only under its own service. */
    private void tlsLine(String service, String line) {
        if (service.equals(shownService)) {
            tlsLines.add(line);
        }
    }

    /** A message about {@code service}: now when it is shown, else when it is selected again. */
    private void tell(String service, Notice message) {
        if (!service.equals(shownService)) {
            laterNotices.put(service, message);
        } else if (message.tone() == Notice.Tone.DANGER) {
            action.fail(message);
        } else {
            action.show(message);
        }
    }

    private static Notice notice(String service, CredentialService.TlsChange change) {
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
    private void reload(CredentialEntry entry) {
        long current = page.generation();
        action.work().run("read the TLS status", () -> page.credentials().tlsStatus(entry.service()),
                status -> {
                    if (current == page.generation()) {
                        show(status);
                        page.details().loadConnection();
                    }
                },
                e -> { });
    }
}
