package io.colimaservices.ui.dashboard;

import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.StackOperations;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.UserError;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executor;

/**
 * Which running services run a stale definition (the day-two check {@code status --json} reports as
 * {@code "stale": true}). Asking costs a compose call, so it is asked again, in the background, only when what runs
 * changed: another catalog, or a running container made, replaced or relabelled. A compose CLI that cannot tell
 * shows no mark (and is not asked again until something changes: snapshots come by the second). The services page's
 * panel for it: the page's rows read {@link #current()}, its message area {@link #noticeProperty()}.
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
    private final Runnable changed;
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private Asked asked;
    private Set<String> current = Set.of();

    /** @param changed called on the UI executor when the answer changed */
    StaleCheck(Executor uiExecutor, Executor background, StackOperations operations, Runnable changed) {
        this.uiExecutor = uiExecutor;
        this.background = background;
        this.operations = operations;
        this.changed = changed;
    }

    /** The running services whose definition is stale, by the last answer (UI thread). */
    Set<String> current() {
        return current;
    }

    /** Which services run a stale definition, in a sentence; empty when none does. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Called on the UI executor with every snapshot. */
    void follow(StackSnapshot snapshot) {
        Asked next = Asked.of(snapshot);
        if (next.equals(asked)) {
            return;
        }
        asked = next;
        if (next.running().isEmpty()) {
            found(Set.of());
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
            // Only what runs (as the check itself answers): a service stopped meanwhile is asked about again anyway.
            Set<String> answer = stale.stream().filter(next.running()::containsKey)
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
            uiExecutor.execute(() -> {
                if (next.equals(asked)) {
                    found(answer);
                }
            });
        });
    }

    private void found(Set<String> answer) {
        if (answer.equals(current)) {
            return;
        }
        current = Set.copyOf(answer);
        List<String> names = answer.stream().sorted().toList();
        notice.set(names.isEmpty() ? "" : String.join(", ", names) + (names.size() == 1 ? " runs" : " run")
                + " an older definition than the compose file's: Recreate applies it.");
        changed.run();
    }
}
