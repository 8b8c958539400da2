package io.colimaservices.ui.dashboard;

import io.colimaservices.domain.ServiceGroup;
import io.colimaservices.domain.StatusText;

/** One line of the services table, already in words. */
public record ServiceRow(String name, ServiceGroup group, String state, StatusText.Tone tone, String ports,
                         String uptime, String description) {
}
