package io.colimaservices.domain;

import java.time.Duration;
import java.time.Instant;

/** How a service's state reads to a person, shared by the dashboard and the menu. */
public final class StatusText {
    private StatusText() {
    }

    /** Like {@link #state(ServiceStatus)}; a one-shot job that exited 0 reads "completed". */
    public static String state(ServiceStatus s, boolean oneShot) {
        return oneShot && completed(s) ? "completed" : state(s);
    }

    /** Like {@link #tone(ServiceStatus)}; a completed one-shot job is fine. */
    public static Tone tone(ServiceStatus s, boolean oneShot) {
        return oneShot && completed(s) ? Tone.OK : tone(s);
    }

    private static boolean completed(ServiceStatus s) {
        return s.state() == ContainerState.EXITED && s.exitCode().orElse(-1) == 0 && !s.oomKilled();
    }

    public static String state(ServiceStatus s) {
        if (s.state() == ContainerState.EXITED || s.state() == ContainerState.DEAD) {
            String code = s.exitCode().isPresent() ? " (" + s.exitCode().getAsInt() + ")" : "";
            return s.state().label() + code + (s.oomKilled() ? ", out of memory" : "");
        }
        if (s.state() == ContainerState.RUNNING && s.health() != HealthStatus.NONE) {
            return s.health().label();
        }
        return s.state().label();
    }

    public static String uptime(ServiceStatus s, Instant now) {
        if (!s.isRunning() || s.startedAt().isEmpty()) {
            return "";
        }
        Duration up = Duration.between(s.startedAt().get(), now);
        if (up.isNegative()) {
            return "";
        }
        if (up.toDays() > 0) {
            return up.toDays() + "d " + up.toHoursPart() + "h";
        }
        if (up.toHours() > 0) {
            return up.toHours() + "h " + up.toMinutesPart() + "m";
        }
        if (up.toMinutes() > 0) {
            return up.toMinutes() + "m";
        }
        return up.toSeconds() + "s";
    }

    /** The dot colour class: ok, warn, bad, off. */
    public static Tone tone(ServiceStatus s) {
        if (s.isFailing()) {
            return Tone.BAD;
        }
        if (s.state() == ContainerState.RUNNING) {
            return s.isReady() ? Tone.OK : Tone.WARN;
        }
        if (s.state() == ContainerState.RESTARTING || s.state() == ContainerState.PAUSED) {
            return Tone.WARN;
        }
        return Tone.OFF;
    }

    /**
     * A service's state in words as far as anyone knows: "unknown" while Docker does not answer (its container may
     * well be running), else {@link #state(ServiceStatus, boolean)}.
     */
    public static String state(StackSnapshot snapshot, ServiceDefinition d) {
        return snapshot.servicesKnown() ? state(snapshot.status(d.name()), d.oneShot()) : UNKNOWN;
    }

    /** Like {@link #state(StackSnapshot, ServiceDefinition)}, the dot. */
    public static Tone tone(StackSnapshot snapshot, ServiceDefinition d) {
        return snapshot.servicesKnown() ? tone(snapshot.status(d.name()), d.oneShot()) : Tone.UNKNOWN;
    }

    /** What a service or group reads while Docker does not answer. */
    public static final String UNKNOWN = "unknown";

    /** {@code UNKNOWN}: nobody can tell now (Docker does not answer); shown grey, never as "stopped". */
    public enum Tone { OK, WARN, BAD, OFF, UNKNOWN }
}
