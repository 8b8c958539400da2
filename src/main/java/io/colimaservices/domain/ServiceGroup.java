package io.colimaservices.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The groups a service can belong to, read from the compose label {@code io.colima-services.group}. */
public enum ServiceGroup {
    SECRETS("secrets", "Secrets"),
    DATA("data", "Data"),
    GIT("git", "Git"),
    APPS("apps", "Apps"),
    OBSERVABILITY("observability", "Observability");

    private final String label;
    private final String displayName;

    ServiceGroup(String label, String displayName) {
        this.label = label;
        this.displayName = displayName;
    }

    /** The value used in the compose label and on the command line. */
    public String label() {
        return label;
    }

    public String displayName() {
        return displayName;
    }

    public static Optional<ServiceGroup> fromLabel(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(g -> g.label.equals(wanted)).findFirst();
    }

    public static String allowedLabels() {
        return String.join(", ", Arrays.stream(values()).map(ServiceGroup::label).toList());
    }
}
