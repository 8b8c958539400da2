package io.colimaservices.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;

/**
 * Judges, snapshot by snapshot, whether a service reached what its start waits for. Only the daemon's own times
 * decide (docs/design.md, "One clock"): a start counts when it is the start of the expected container that came
 * after the baseline (the container's previous finish, read on the daemon's clock), so the stop half of a restart
 * is never taken for its outcome; a service without a health check counts as up once the daemon's clock says it
 * has been running {@link StackActions#SETTLE_TIME}.
 */
final class Readiness {

    /** What the service must reach. */
    enum Goal {
        RUNNING("running"), HEALTHY("healthy"), COMPLETED("completed");

        final String label;

        Goal(String label) {
            this.label = label;
        }

        static Goal of(ServiceDefinition definition) {
            return definition.oneShot() ? COMPLETED : definition.hasHealthCheck() ? HEALTHY : RUNNING;
        }
    }

    /**
     * Which start counts: one of this container, later than {@code after} on the daemon's clock (empty: any start
     * of it, e.g. a container made just now).
     */
    record Baseline(String containerId, Optional<Instant> after) {
    }

    sealed interface Outcome {
        record Good() implements Outcome {
        }

        record Bad(String reason, OptionalInt exitCode) implements Outcome {
        }

        record Cancelled() implements Outcome {
        }
    }

    private final Goal goal;
    private final Optional<Baseline> baseline;
    private final DaemonClock clock;
    private final BooleanSupplier cancelled;
    /** An "unhealthy" from before a hook acted (Vault unsealed) says nothing: wait for the next verdict. */
    private boolean staleUnhealthy;
    private boolean sawStart;

    /**
     * @param baseline        empty for a service that was already up: its current run counts
     * @param staleUnhealthy  whether an "unhealthy" seen before any other health verdict is to be ignored
     */
    Readiness(Goal goal, Optional<Baseline> baseline, DaemonClock clock, boolean staleUnhealthy,
              BooleanSupplier cancelled) {
        this.goal = goal;
        this.baseline = baseline;
        this.clock = clock;
        this.staleUnhealthy = staleUnhealthy;
        this.cancelled = cancelled;
    }

    /** Whether a start that counts was seen running (dependents waiting for "started" may go). */
    boolean sawStart() {
        return sawStart;
    }

    Optional<Outcome> judge(ServiceStatus s) {
        if (cancelled.getAsBoolean()) {
            return Optional.of(new Outcome.Cancelled());
        }
        if (!counts(s)) {
            return Optional.empty();
        }
        if (s.isRunning()) {
            sawStart = true;
        }
        switch (goal) {
            case COMPLETED -> {
                if (s.state() == ContainerState.EXITED) {
                    return Optional.of(s.exitCode().orElse(0) == 0 ? new Outcome.Good()
                            : new Outcome.Bad("exited with code " + s.exitCode().getAsInt(), s.exitCode()));
                }
            }
            case HEALTHY -> {
                if (s.isRunning() && s.health() != HealthStatus.UNHEALTHY) {
                    staleUnhealthy = false;
                }
                if (s.isRunning() && s.health() == HealthStatus.HEALTHY) {
                    return Optional.of(new Outcome.Good());
                }
                if (s.isRunning() && s.health() == HealthStatus.UNHEALTHY && !staleUnhealthy) {
                    return Optional.of(new Outcome.Bad("unhealthy", OptionalInt.empty()));
                }
            }
            case RUNNING -> {
                if (s.isRunning() && settled(s)) {
                    return Optional.of(new Outcome.Good());
                }
            }
        }
        if ((s.state() == ContainerState.EXITED || s.state() == ContainerState.DEAD) && goal != Goal.COMPLETED) {
            String why = s.oomKilled() ? "killed: out of memory" : "exited with code " + s.exitCode().orElse(-1);
            return Optional.of(new Outcome.Bad(why, s.exitCode()));
        }
        return Optional.empty();
    }

    /** The expected container, started after the baseline; anything else is history. */
    private boolean counts(ServiceStatus s) {
        if (baseline.isEmpty()) {
            return s.containerId().isPresent();
        }
        Baseline b = baseline.get();
        if (!s.containerId().map(b.containerId()::equals).orElse(false) || s.startedAt().isEmpty()) {
            return false;
        }
        return b.after().map(after -> s.startedAt().get().isAfter(after)).orElse(true);
    }

    /** Running for {@link StackActions#SETTLE_TIME} by the daemon's clock: long enough to catch a crash at start. */
    private boolean settled(ServiceStatus s) {
        Optional<Instant> started = s.startedAt();
        if (started.isEmpty()) {
            return false;
        }
        Duration running = Duration.between(started.get(), clock.now());
        return running.compareTo(StackActions.SETTLE_TIME) >= 0;
    }
}
