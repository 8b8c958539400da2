package io.colimaservices.ui.dashboard;

import io.colimaservices.domain.GroupSummary;
import io.colimaservices.domain.ServiceGroup;
import io.colimaservices.domain.StatusText;

import java.util.List;
import java.util.Optional;

/**
 * One line of the services table, already in words: a service, or (with {@code groupRow}) a group's summary line.
 *
 * @param hostPorts ports a client on the Mac connects to, each copyable as {@code localhost:PORT}
 * @param up        known to be up (running, restarting, paused); for a group: any of its services
 * @param stale     it runs a definition that changed since its container was made ("Recreate" applies it)
 * @param hasClient the service declares a client ({@code io.colima-services.client}) that "Open client" starts
 * @param blocked   why actions that need Docker cannot run now (Docker does not answer); empty when they can
 */
public record ServiceRow(String name, ServiceGroup group, boolean groupRow, String state, StatusText.Tone tone,
                         List<Integer> hostPorts, String uptime, String cpu, String memory, Optional<String> webUi,
                         boolean up, String description, boolean stale, boolean hasClient, Optional<String> blocked) {

    public ServiceRow {
        hostPorts = List.copyOf(hostPorts);
    }

    /**
     * A group's row: its summary in words and its tone (unknown while Docker does not answer; else any failing: bad;
     * none running: off; all ready: ok; partly up: warn).
     */
    static ServiceRow group(ServiceGroup group, GroupSummary summary, Optional<String> blocked) {
        return group(group, summary.describe(), summary.tone(), summary.anyRunning(), blocked);
    }

    static ServiceRow group(ServiceGroup group, String summary, StatusText.Tone tone, boolean anyUp,
                            Optional<String> blocked) {
        return new ServiceRow(group.displayName(), group, true, summary, tone, List.of(), "", "", "",
                Optional.empty(), anyUp, "", false, false, blocked);
    }

    /** Start: whenever Docker answers (a start of what runs already makes sure it is ready). */
    public boolean canStart() {
        return blocked.isEmpty();
    }

    /** Stop: only what is known to be up (nothing to stop in an absent or exited service). */
    public boolean canStop() {
        return blocked.isEmpty() && up;
    }
}
