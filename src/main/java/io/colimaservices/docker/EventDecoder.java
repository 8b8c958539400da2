package io.colimaservices.docker;

import com.fasterxml.jackson.databind.JsonNode;
import io.colimaservices.domain.ContainerEvent;
import io.colimaservices.domain.HealthStatus;

import java.util.Optional;
import java.util.OptionalInt;

/** Reads one message of the engine's {@code /events} stream into a {@link ContainerEvent}. */
final class EventDecoder {
    private EventDecoder() {
    }

    /** Empty for messages that are not container events of a compose service (or are exec noise). */
    static Optional<ContainerEvent> decode(JsonNode message) {
        if (!"container".equals(message.path("Type").asText())) {
            return Optional.empty();
        }
        String rawAction = message.path("Action").asText("");
        JsonNode attributes = message.path("Actor").path("Attributes");
        String service = attributes.path(ComposeLabels.SERVICE).asText("");
        if (service.isEmpty() || "True".equalsIgnoreCase(attributes.path(ComposeLabels.ONEOFF).asText())) {
            return Optional.empty();
        }
        String action = rawAction;
        Optional<HealthStatus> health = Optional.empty();
        if (rawAction.startsWith("health_status")) {
            action = "health_status";
            int colon = rawAction.indexOf(':');
            health = Optional.of(HealthStatus.fromDocker(colon < 0 ? "" : rawAction.substring(colon + 1)));
        }
        if (action.startsWith("exec_")) {
            return Optional.empty();
        }
        OptionalInt exitCode = OptionalInt.empty();
        if (attributes.hasNonNull("exitCode")) {
            try {
                exitCode = OptionalInt.of(Integer.parseInt(attributes.get("exitCode").asText()));
            } catch (NumberFormatException ignored) {
                // an engine that sends garbage here gets its exit code from the next listing
            }
        }
        long timeNano = message.hasNonNull("timeNano") ? message.get("timeNano").asLong()
                : message.path("time").asLong() * 1_000_000_000L;
        String id = message.path("Actor").path("ID").asText(message.path("id").asText(""));
        Optional<String> configHash = Optional.of(attributes.path(ComposeLabels.CONFIG_HASH).asText(""))
                .filter(h -> !h.isEmpty());
        return Optional.of(new ContainerEvent(id, service, action, timeNano, exitCode, health, configHash));
    }
}
