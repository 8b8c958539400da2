package io.colimaservices.ui.credentials;

import io.colimaservices.domain.CaStatus;
import io.colimaservices.domain.CertificateExpiry;
import io.colimaservices.domain.TrustReport;
import io.colimaservices.domain.UserError;
import io.colimaservices.ui.common.BackgroundWork;
import io.colimaservices.ui.common.Notice;
import io.colimaservices.usecase.CaUseCase;
import io.colimaservices.usecase.TlsUseCase;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The Credentials page's CA panel (issue 21): whether the stack's root CA is trusted on this computer, with Trust /
 * Untrust (the same {@link CaUseCase} as {@code ca trust|untrust} and the setup checklist's {@code ca} step), and
 * each TLS service's certificate with its expiry and a Renew button ({@link TlsUseCase#renew}, as
 * {@code tls SERVICE renew}).
 */
public final class CaTrustViewModel {
    /** One TLS service's certificate as the panel shows it. */
    public record CertificateRow(String service, String expiry, Optional<CertificateExpiry.Level> level) {
    }

    private final ReadOnlyStringWrapper trustText = new ReadOnlyStringWrapper("Not checked yet");
    private final ReadOnlyObjectWrapper<TrustReport.Trust> trust = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper commands = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();
    private final ObservableList<CertificateRow> certificates = FXCollections.observableArrayList();
    // One wrapper, kept: a wrapper made per call listens to the list weakly and may be collected with its listeners.
    private final ObservableList<CertificateRow> readOnlyCertificates =
            FXCollections.unmodifiableObservableList(certificates);

    private final CaUseCase ca;
    private final TlsUseCase tls;
    private final BackgroundWork work;
    private final Clock clock;

    public CaTrustViewModel(CaUseCase ca, TlsUseCase tls, Executor ui, Executor background, Clock clock) {
        this.ca = ca;
        this.tls = tls;
        this.work = new BackgroundWork(ui, background);
        this.clock = clock;
    }

    public ReadOnlyStringProperty trustTextProperty() {
        return trustText.getReadOnlyProperty();
    }

    /** Trusted, not trusted, unknown (the store cannot be used here); null until read or when Vault cannot say. */
    public ReadOnlyObjectProperty<TrustReport.Trust> trustProperty() {
        return trust.getReadOnlyProperty();
    }

    /** The exact commands to run by hand where the app cannot use the trust store; empty otherwise. */
    public ReadOnlyStringProperty commandsProperty() {
        return commands.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ObservableList<CertificateRow> certificates() {
        return readOnlyCertificates;
    }

    /** Reads the CA's trust and the certificates again (the page came on screen). */
    public void refresh() {
        busy.set(true);
        work.run("ca status", this::read, this::show, this::failed);
    }

    public void trust() {
        change("Trusting the stack's CA", () -> ca.trust().status());
    }

    public void untrust() {
        change("Removing the stack's CA", () -> ca.untrust().status());
    }

    /** Issues a new certificate for {@code service}, renders it and restarts the service. */
    public void renew(String service) {
        busy.set(true);
        notice.set(Notice.info("Renewing " + service + "'s certificate", "issuing, rendering, restarting\u2026"));
        work.run("tls renew", () -> tls.renew(service, line -> { }), report -> {
            notice.set(Notice.success("Renewed " + service + "'s certificate", "serial " + report.renewed().serial()
                    + (report.restarted().isEmpty() ? report.manualStep().map(s -> "; " + s).orElse("")
                    : "; restarted " + String.join(", ", report.restarted()))));
            refresh();
        }, this::failed);
    }

    public void dismissNotice() {
        notice.set(null);
    }

    private record Reading(Optional<CaStatus> status, Optional<UserError> caError, List<CertificateRow> rows) {
    }

    private Reading read() {
        Optional<CaStatus> status = Optional.empty();
        Optional<UserError> error = Optional.empty();
        try {
            status = Optional.of(ca.status());
        } catch (UserError e) {
            error = Optional.of(e);
        }
        List<CertificateRow> rows = new ArrayList<>();
        for (String service : tls.tlsServices()) {
            try {
                rows.add(tls.certificate(service).map(c -> {
                    CertificateExpiry expiry = c.expiry(clock.instant());
                    return new CertificateRow(service, expiry.describe(), Optional.of(expiry.level()));
                }).orElse(new CertificateRow(service, "no certificate yet", Optional.empty())));
            } catch (UserError e) {
                rows.add(new CertificateRow(service, e.getMessage(), Optional.empty()));
            }
        }
        return new Reading(status, error, rows);
    }

    private void show(Reading reading) {
        busy.set(false);
        certificates.setAll(reading.rows());
        reading.status().ifPresentOrElse(this::showStatus, () -> {
            trust.set(null);
            commands.set("");
            trustText.set("The stack's CA cannot be read: " + reading.caError().map(UserError::getMessage).orElse(""));
        });
    }

    private void showStatus(CaStatus status) {
        TrustReport report = status.trust();
        trust.set(report.trust());
        commands.set(String.join("\n", report.commands()));
        trustText.set(switch (report.trust()) {
            case TRUSTED -> "The stack's CA is trusted in " + report.store() + ".";
            case NOT_TRUSTED -> "The stack's CA is not trusted on this computer: browsers warn on the stack's pages.";
            case UNKNOWN -> report.detail();
        });
    }

    private interface Change {
        CaStatus run();
    }

    private void change(String what, Change change) {
        busy.set(true);
        notice.set(Notice.info(what, "macOS may ask for your password"));
        work.run(what, change::run, status -> {
            busy.set(false);
            notice.set(null);
            showStatus(status);
        }, this::failed);
    }

    private void failed(RuntimeException e) {
        busy.set(false);
        notice.set(Notice.failure("The stack's CA", e));
    }
}
