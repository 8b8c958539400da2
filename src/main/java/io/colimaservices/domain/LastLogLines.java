package io.colimaservices.domain;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The last lines a container wrote, for failure reports. */
final class LastLogLines {
    private static final Duration DEADLINE = Duration.ofSeconds(5);

    private LastLogLines() {
    }

    static List<String> fetch(ContainerEngine engine, String service, String containerId, int count) {
        LogBuffer buffer = new LogBuffer(count);
        try (LogFollower follower = new LogFollower(engine, service, () -> Optional.of(containerId),
                LogRequest.untimed(count, Optional.empty()), buffer)) {
            follower.start();
            follower.awaitEnd(DEADLINE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            return List.of();
        }
        return buffer.readFrom(0, count).lines().stream()
                .map(l -> (l.source() == LogSource.STDERR ? "! " : "") + l.text()).toList();
    }
}
