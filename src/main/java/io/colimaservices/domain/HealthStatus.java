package io.colimaservices.domain;

import java.util.Locale;

/** Docker's health status; {@link #NONE} when the container has no health check or is not running. */
public enum HealthStatus {
    HEALTHY, UNHEALTHY, STARTING, NONE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static HealthStatus fromDocker(String status) {
        if (status == null) {
            return NONE;
        }
        return switch (status.toLowerCase(Locale.ROOT).trim()) {
            case "healthy" -> HEALTHY;
            case "unhealthy" -> UNHEALTHY;
            case "starting" -> STARTING;
            default -> NONE;
        };
    }
}
