package io.colimaservices.domain;

import java.util.Objects;

/** Something about a service the user should hear about at once. */
public record Alert(String service, Kind kind, String message) {

    public enum Kind { UNHEALTHY, DIED, OUT_OF_MEMORY, RECOVERY_FAILED }

    public Alert {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    public String title() {
        return switch (kind) {
            case UNHEALTHY -> service + " is unhealthy";
            case DIED -> service + " stopped unexpectedly";
            case OUT_OF_MEMORY -> service + " ran out of memory";
            case RECOVERY_FAILED -> "Could not bring " + service + " back";
        };
    }
}
