package io.colimaservices.domain;

import java.util.Optional;

/**
 * How a stack action ended: done, stopped at the first failure (which names the service and why), or cancelled
 * (a recovery the user's {@code down} overtook).
 */
public record ActionResult(Optional<StackProgress.Failed> failure, boolean cancelled) {
    public static final ActionResult OK = new ActionResult(Optional.empty(), false);
    public static final ActionResult CANCELLED = new ActionResult(Optional.empty(), true);

    public ActionResult(Optional<StackProgress.Failed> failure) {
        this(failure, false);
    }

    public boolean succeeded() {
        return failure.isEmpty() && !cancelled;
    }
}
