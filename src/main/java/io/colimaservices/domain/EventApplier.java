package io.colimaservices.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Applies one container event to a snapshot: a pure function, so the watcher can update the store without asking
 * the engine again. What events cannot say (published ports) comes with the next full listing.
 */
public final class EventApplier {
    private EventApplier() {
    }

    public static StackSnapshot apply(StackSnapshot snapshot, ContainerEvent event) {
        if (!snapshot.services().containsKey(event.service())) {
            return snapshot;
        }
        ServiceStatus before = snapshot.status(event.service());
        boolean sameContainer = before.containerId().map(event.containerId()::equals).orElse(false);
        Instant at = Instant.ofEpochSecond(0, event.timeNano());
        if (event.action().equals("die") && sameContainer && before.startedAt().filter(at::isBefore).isPresent()) {
            // A die from before the run the snapshot already holds (a listing that began after a restart's start
            // was applied before the stream delivered the stop's die): applying it would put the new run's start
            // time on the old run's exit, and readiness would take that exit for the restart's outcome. Both times
            // are the daemon's.
            return snapshot;
        }
        ServiceStatus after = switch (event.action()) {
            case "create" -> status(event, before, ContainerState.CREATED, HealthStatus.NONE, OptionalInt.empty(),
                    Optional.empty(), Optional.empty(), false);
            case "start", "restart", "unpause" -> {
                if (event.action().equals("unpause") && sameContainer) {
                    yield before.withState(ContainerState.RUNNING, before.health());
                }
                boolean checked = snapshot.catalog().service(event.service())
                        .map(ServiceDefinition::hasHealthCheck).orElse(false);
                yield status(event, before, ContainerState.RUNNING, checked ? HealthStatus.STARTING : HealthStatus.NONE,
                        OptionalInt.empty(), Optional.of(at), Optional.empty(), false);
            }
            // A die of a container whose start was not seen must not borrow another container's start time:
            // readiness tells a fresh start from an old one by it.
            case "die" -> status(event, before, ContainerState.EXITED, HealthStatus.NONE, event.exitCode(),
                    sameContainer ? before.startedAt() : Optional.empty(), Optional.of(at),
                    sameContainer && before.oomKilled());
            case "oom" -> status(event, before, before.state(), before.health(), before.exitCode(),
                    before.startedAt(), before.finishedAt(), true);
            case "health_status" -> before.state() == ContainerState.RUNNING || !sameContainer
                    ? status(event, before, ContainerState.RUNNING, event.health().orElse(HealthStatus.NONE),
                    OptionalInt.empty(), before.startedAt(), Optional.empty(), before.oomKilled())
                    : before;
            case "pause" -> before.withState(ContainerState.PAUSED, before.health());
            case "destroy" -> sameContainer || before.containerId().isEmpty()
                    ? ServiceStatus.absent(event.service()) : before;
            default -> before; // stop and kill are followed by die, which carries the exit code
        };
        return after == before ? snapshot : snapshot.withService(after);
    }

    private static ServiceStatus status(ContainerEvent event, ServiceStatus before, ContainerState state,
                                        HealthStatus health, OptionalInt exitCode, Optional<Instant> startedAt,
                                        Optional<Instant> finishedAt, boolean oomKilled) {
        boolean sameContainer = before.containerId().map(event.containerId()::equals).orElse(false);
        Optional<String> hash = event.configHash().or(() -> sameContainer ? before.configHash() : Optional.empty());
        return new ServiceStatus(event.service(), Optional.of(event.containerId()), state, health, exitCode,
                startedAt, finishedAt, before.ports(), oomKilled, sameContainer ? before.healthOutput() : Optional.empty(),
                hash);
    }
}
