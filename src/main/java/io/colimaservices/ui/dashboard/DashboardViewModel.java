package io.colimaservices.ui.dashboard;

import io.colimaservices.domain.PortBinding;
import io.colimaservices.domain.ServiceDefinition;
import io.colimaservices.domain.ServiceStatus;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.StatusText;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The dashboard's state: the service rows and the lines above them. Fed snapshots from any thread; applies them
 * on the UI executor (the FX thread in the app, the caller's thread in tests).
 */
public final class DashboardViewModel {
    private final Executor uiExecutor;
    private final Clock clock;
    private final ObservableList<ServiceRow> rows = FXCollections.observableArrayList();
    private final ObservableList<ServiceRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyStringWrapper engineLine = new ReadOnlyStringWrapper("Docker: not checked yet");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    public DashboardViewModel(Executor uiExecutor, Clock clock) {
        this.uiExecutor = uiExecutor;
        this.clock = clock;
    }

    /** Takes a snapshot from any thread. */
    public void show(StackSnapshot snapshot) {
        uiExecutor.execute(() -> apply(snapshot));
    }

    private void apply(StackSnapshot snapshot) {
        List<ServiceRow> next = new ArrayList<>();
        for (ServiceDefinition d : snapshot.catalog().services()) {
            ServiceStatus s = snapshot.status(d.name());
            next.add(new ServiceRow(d.name(), d.group(), StatusText.state(s), StatusText.tone(s), ports(d),
                    StatusText.uptime(s, clock.instant()), d.description()));
        }
        if (!next.equals(rows)) {
            rows.setAll(next);
        }
        engineLine.set(snapshot.engine().reachable()
                ? "Docker " + snapshot.engine().version().orElse("") + " at " + snapshot.engine().host()
                : "Docker unreachable at " + snapshot.engine().host());
        problem.set(snapshot.catalogError()
                .or(() -> snapshot.engine().reachable() ? java.util.Optional.empty() : snapshot.engine().error())
                .orElse(""));
    }

    private static String ports(ServiceDefinition d) {
        return String.join(" ", d.ports().stream().filter(p -> p.hostPort() > 0)
                .map(PortBinding::hostPort).map(String::valueOf).distinct().toList());
    }

    public ObservableList<ServiceRow> rows() {
        return readOnlyRows;
    }

    public ReadOnlyStringProperty engineLineProperty() {
        return engineLine.getReadOnlyProperty();
    }

    /** A catalog error or why Docker is unreachable; empty when all is well. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
