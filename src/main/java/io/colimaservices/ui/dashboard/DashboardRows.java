package io.colimaservices.ui.dashboard;

import io.colimaservices.domain.PortBinding;
import io.colimaservices.domain.ServiceDefinition;
import io.colimaservices.domain.ServiceGroup;
import io.colimaservices.domain.ServiceShell;
import io.colimaservices.domain.ServiceStatus;
import io.colimaservices.domain.ServiceUsage;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.StatusText;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The services page's table rows (a row per group, then its services) from a snapshot, usage figures and the stale
 * definitions, filtered by the page's {@link DashboardTierFilter}; groups the filter leaves empty are hidden. Used on
 * the UI thread only.
 */
final class DashboardRows {
    private final DashboardTierFilter tiers;

    DashboardRows(DashboardTierFilter tiers) {
        this.tiers = tiers;
    }

    /** The rows for this snapshot; also offers the filter this catalog's tiers. */
    List<ServiceRow> of(StackSnapshot snapshot, Map<String, ServiceUsage> usage, Set<String> stale, Instant now) {
        tiers.offer(snapshot.catalog());
        List<ServiceRow> next = new ArrayList<>();
        for (Map.Entry<ServiceGroup, List<ServiceDefinition>> group : snapshot.catalog().groups().entrySet()) {
            List<ServiceDefinition> shown = group.getValue().stream().filter(tiers::shows).toList();
            if (shown.isEmpty()) {
                continue;
            }
            next.add(ServiceRow.group(group.getKey(), snapshot.summary(group.getKey()), snapshot.unknownReason()));
            for (ServiceDefinition d : shown) {
                next.add(row(snapshot, d, snapshot.status(d.name()), usage, stale, now));
            }
        }
        return next;
    }

    private static ServiceRow row(StackSnapshot snapshot, ServiceDefinition d, ServiceStatus s,
                                  Map<String, ServiceUsage> usage, Set<String> stale, Instant now) {
        ServiceUsage u = s.isRunning() ? usage.get(d.name()) : null;
        List<Integer> ports = d.ports().stream().map(PortBinding::hostPort).filter(p -> p > 0).distinct().toList();
        return new ServiceRow(d.name(), d.group(), false, StatusText.state(snapshot, d),
                StatusText.tone(snapshot, d), ports,
                StatusText.uptime(s, now), u == null ? "" : u.describeCpu(),
                u == null ? "" : u.describeMemory(), d.webUiUrl(), s.state().isUp(), d.description(),
                s.isRunning() && stale.contains(d.name()), d.label(ServiceShell.CLIENT_LABEL).isPresent(),
                snapshot.unknownReason());
    }

    /** Docker's line: its version and host, else why it does not answer (its own reason, capitalized). */
    static String engineLine(StackSnapshot snapshot) {
        return snapshot.engine().reachable()
                ? "Docker " + snapshot.engine().version().orElse("") + " at " + snapshot.engine().host()
                : snapshot.unknownReason().map(DashboardRows::capitalized).orElse("");
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
