package io.colimaservices.domain;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Starting and stopping the stack, as faces ask for it ({@link StackActions} is the implementation). */
public interface StackOperations {

    ActionResult up(List<String> targets, Duration timeout, Consumer<StackProgress> progress);

    /** Starts the tiers' services and those without a profile ({@link Tiers}), with what they depend on. */
    ActionResult upTiers(List<String> tiers, Duration timeout, Consumer<StackProgress> progress);

    ActionResult down(List<String> targets, Consumer<StackProgress> progress);

    ActionResult restart(String service, Duration timeout, Consumer<StackProgress> progress);

    /** Replaces the service's container with one of its current definition (volumes kept), then waits for it. */
    ActionResult recreate(String service, Duration timeout, Consumer<StackProgress> progress);

    /**
     * The running services of {@code snapshot} whose definition changed since their container was made (one compose
     * call, none when nothing runs; see {@link StaleDefinitions}).
     *
     * @throws UserError when the compose CLI cannot tell
     */
    Set<String> stale(StackSnapshot snapshot);
}
