package io.colimaservices.ui.dashboard;

import io.colimaservices.domain.ServiceStatus;
import io.colimaservices.domain.StackSnapshot;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;


/**
 * The services page's failure report and what it is about: the service that failed and how it was then (its state,
 * health, and Vault's phase). The report goes once that moves on (e.g. Vault initialized and unsealed after "vault
 * failed: Vault is not initialized"): a message belongs to its subject. Used on the UI thread only.
 */
final class DashboardFailure {
    private record Subject(String service, String was) {
    }

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private Subject subject;

    /** A report with no subject (a file that cannot be read, a refused action); empty: none. */
    void show(String report) {
        subject = null;
        text.set(report);
    }

    /** A report about {@code service} (none: null), as it is in {@code now}. */
    void showAbout(String report, String service, StackSnapshot now) {
        text.set(report);
        subject = service == null || report.isEmpty() ? null : new Subject(service, stateOf(now, service));
    }

    void dismiss() {
        show("");
    }

    /** Drops the report when its service's state moved on. */
    void follow(StackSnapshot now) {
        if (subject != null && !stateOf(now, subject.service()).equals(subject.was())) {
            dismiss();
        }
    }

    private static String stateOf(StackSnapshot snapshot, String service) {
        if (snapshot == null) {
            return "";
        }
        ServiceStatus s = snapshot.status(service);
        return s.state() + "/" + s.health() + "/" + snapshot.vault().phase();
    }

    ReadOnlyStringProperty property() {
        return text.getReadOnlyProperty();
    }
}
