package io.colimaservices.domain;

import java.util.Locale;

/** A service's container state as Docker names it, plus {@link #ABSENT} when no container exists. */
public enum ContainerState {
    ABSENT, CREATED, RUNNING, PAUSED, RESTARTING, EXITED, DEAD;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Maps Docker's {@code State} string; {@code removing} reads as exited, being on its way out. */
    public static ContainerState fromDocker(String state) {
        if (state == null) {
            return ABSENT;
        }
        return switch (state.toLowerCase(Locale.ROOT)) {
            case "created" -> CREATED;
            case "running" -> RUNNING;
            case "paused" -> PAUSED;
            case "restarting" -> RESTARTING;
            case "exited", "removing" -> EXITED;
            case "dead" -> DEAD;
            default -> ABSENT;
        };
    }

    public boolean isUp() {
        return this == RUNNING || this == PAUSED || this == RESTARTING;
    }
}
