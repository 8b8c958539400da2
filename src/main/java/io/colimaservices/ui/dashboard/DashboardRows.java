package io.colimaservices.ui.dashboard;

import io.colimaservices.domain.GroupSummary;
import io.colimaservices.domain.PortBinding;
import io.colimaservices.domain.ServiceDefinition;
import io.colimaservices.domain.ServiceGroup;
import io.colimaservices.domain.ServiceStatus;
import io.colimaservices.domain.ServiceUsage;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.StatusText;
import io.colimaservices.domain.Tiers;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The services page's table rows (a row per group, then its services) from a snapshot and usage figures, filtered by
 * the chosen tier; groups the filter leaves empty are hidden. Used on the UI thread only.
 */
final class DashboardRows {
    static final String ALL_TIERS = "All tiers";

    private final StringProperty tierFilter = new SimpleStringProperty(this, "tierFilter", ALL_TIERS);
    private final ObservableList<String> tierChoices = FXCollections.observableArrayList(ALL_TIERS);

    StringProperty tierFilter() {
        return tierFilter;
    }

    ObservableList<String> tierChoices() {
        return FXCollections.unmodifiableObservableList(tierChoices);
    }

    /** The rows for this snapshot; also keeps the tier choices ({@link #ALL_TIERS}, then the stack's tiers). */
    List<ServiceRow> of(StackSnapshot snapshot, Map<String, ServiceUsage> usage, Instant now) {
        List<String> choices = new ArrayList<>(List.of(ALL_TIERS));
        choices.addAll(Tiers.all(snapshot.catalog()));
        if (!choices.equals(tierChoices)) {
            tierChoices.setAll(choices);
        }
        String tier = tierFilter.get();
        List<ServiceRow> next = new ArrayList<>();
        for (Map.Entry<ServiceGroup, List<ServiceDefinition>> group : snapshot.catalog().groups().entrySet()) {
            List<ServiceDefinition> shown = group.getValue().stream()
                    .filter(d -> tier == null || ALL_TIERS.equals(tier) || Tiers.contains(List.of(tier), d)).toList();
            if (shown.isEmpty()) {
                continue;
            }
            GroupSummary summary = snapshot.summary(group.getKey());
            next.add(ServiceRow.group(group.getKey(), summary.describe(), summary.tone(), summary.anyRunning(),
                    snapshot.unknownReason()));
            for (ServiceDefinition d : shown) {
                next.add(row(snapshot, d, snapshot.status(d.name()), usage, now));
            }
        }
        return next;
    }

    private static ServiceRow row(StackSnapshot snapshot, ServiceDefinition d, ServiceStatus s,
                                  Map<String, ServiceUsage> usage, Instant now) {
        ServiceUsage u = s.isRunning() ? usage.get(d.name()) : null;
        List<Integer> ports = d.ports().stream().map(PortBinding::hostPort).filter(p -> p > 0).distinct().toList();
        return new ServiceRow(d.name(), d.group(), false, StatusText.state(snapshot, d),
                StatusText.tone(snapshot, d), ports,
                StatusText.uptime(s, now), u == null ? "" : u.describeCpu(),
                u == null ? "" : u.describeMemory(), d.webUiUrl(), s.state().isUp(), d.description(),
                snapshot.unknownReason());
    }
}
