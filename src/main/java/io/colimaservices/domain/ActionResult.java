package io.colimaservices.domain;

import java.util.Optional;

/** How a stack action ended: done, or stopped at the first failure (which names the service and why). */
public record ActionResult(Optional<StackProgress.Failed> failure) {
    public static final ActionResult OK = new ActionResult(Optional.empty());

    public boolean succeeded() {
        return failure.isEmpty();
    }
}
