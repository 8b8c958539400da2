package io.colimaservices.domain;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link ServiceRestarter} for tests: records each restart in order and fails for the services it is told to,
 * the way the Docker implementation reports a service that did not become healthy in time.
 */
public final class RecordingRestarter implements ServiceRestarter {
    private final List<String> restarted = new CopyOnWriteArrayList<>();
    private final Set<String> unhealthy;

    public RecordingRestarter(String... unhealthy) {
        this.unhealthy = Set.of(unhealthy);
    }

    @Override
    public void restartAndWait(String service, Duration deadline) {
        restarted.add(service);
        if (unhealthy.contains(service)) {
            throw new UserError(UserError.Kind.SERVICE_FAILED, service + " did not become healthy within "
                    + deadline.toSeconds() + " s", "see its logs: docker compose logs " + service);
        }
    }

    public List<String> restarted() {
        return List.copyOf(restarted);
    }
}
