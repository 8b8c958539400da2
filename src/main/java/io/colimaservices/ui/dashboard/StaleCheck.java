package io.colimaservices.ui.dashboard;

import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.StackOperations;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.UserError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Which running services run a stale definition (the day-two check {@code status --json} reports as
 * {@code "stale": true}). Asking costs a compose call, so it is asked again, in the background, only when what runs
 * changed: another catalog, or a running container made, replaced or relabelled. A compose CLI that cannot tell
 * shows no mark (and is not asked again until something changes: snapshots come by the second).
 */
final class StaleCheck {
    private static final Logger LOG = LoggerFactory.getLogger(StaleCheck.class);

    /** What the answer depends on: the catalog (by identity: a reload makes a new one) and the running containers. */
    private record Asked(Catalog catalog, Map<String, String> running) {
        static Asked of(StackSnapshot snapshot) {
            Map<String, String> running = new TreeMap<>();
            snapshot.services().values().stream().filter(s -> s.isRunning() && s.containerId().isPresent())
                    .forEach(s -> running.put(s.service(), s.containerId().get() + " " + s.configHash().orElse("")));
            return new Asked(snapshot.catalog(), running);
        }
    }

    private final Executor uiExecutor;
    private final Executor background;
    private final StackOperations operations;
    private final Consumer<Set<String>> found;
    private Asked asked;

    /** @param found takes each answer on the UI executor */
    StaleCheck(Executor uiExecutor, Executor background, StackOperations operations, Consumer<Set<String>> found) {
        this.uiExecutor = uiExecutor;
        this.background = background;
        this.operations = operations;
        this.found = found;
    }

    /** Called on the UI executor with every snapshot. */
    void follow(StackSnapshot snapshot) {
        Asked next = Asked.of(snapshot);
        if (next.equals(asked)) {
            return;
        }
        asked = next;
        if (next.running().isEmpty()) {
            found.accept(Set.of());
            return;
        }
        background.execute(() -> {
            Set<String> stale;
            try {
                stale = operations.stale(snapshot);
            } catch (UserError e) {
                LOG.info("cannot tell which definitions are stale: {}", e.getMessage());
                stale = Set.of();
            }
            Set<String> answer = stale;
            uiExecutor.execute(() -> {
                if (next.equals(asked)) {
                    found.accept(answer);
                }
            });
        });
    }
}
