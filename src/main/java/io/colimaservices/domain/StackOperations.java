package io.colimaservices.domain;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** Starting and stopping the stack, as faces ask for it ({@link StackActions} is the implementation). */
public interface StackOperations {

    ActionResult up(List<String> targets, Duration timeout, Consumer<StackProgress> progress);

    /** Starts the tiers' services and those without a profile ({@link Tiers}), with what they depend on. */
    ActionResult upTiers(List<String> tiers, Duration timeout, Consumer<StackProgress> progress);

    ActionResult down(List<String> targets, Consumer<StackProgress> progress);

    ActionResult restart(String service, Duration timeout, Consumer<StackProgress> progress);
}
