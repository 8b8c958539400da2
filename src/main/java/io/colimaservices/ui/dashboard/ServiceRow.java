package io.colimaservices.ui.dashboard;

import io.colimaservices.domain.ServiceGroup;
import io.colimaservices.domain.StatusText;

import java.util.List;
import java.util.Optional;

/**
 * One line of the services table, already in words: a service, or (with {@code groupRow}) a group's summary line.
 *
 * @param hostPorts ports a client on the Mac connects to, each copyable as {@code localhost:PORT}
 * @param stale     it runs a definition that changed since its container was made ("Recreate" applies it)
 * @param hasClient the service declares a client ({@code io.colima-services.client}) that "Open client" starts
 */
public record ServiceRow(String name, ServiceGroup group, boolean groupRow, String state, StatusText.Tone tone,
                         List<Integer> hostPorts, String uptime, String cpu, String memory, Optional<String> webUi,
                         boolean up, String description, boolean stale, boolean hasClient) {

    public ServiceRow {
        hostPorts = List.copyOf(hostPorts);
    }

    /** A group's row: its summary in words, its tone (any failing: bad; none running: off; all ready: ok). */
    static ServiceRow group(ServiceGroup group, io.colimaservices.domain.GroupSummary summary) {
        StatusText.Tone tone = summary.failing() > 0 ? StatusText.Tone.BAD
                : summary.noneRunning() ? StatusText.Tone.OFF
                : summary.allReady() ? StatusText.Tone.OK : StatusText.Tone.WARN;
        return group(group, summary.describe(), tone, !summary.noneRunning());
    }

    static ServiceRow group(ServiceGroup group, String summary, StatusText.Tone tone, boolean anyUp) {
        return new ServiceRow(group.displayName(), group, true, summary, tone, List.of(), "", "", "",
                Optional.empty(), anyUp, "", false, false);
    }
}
