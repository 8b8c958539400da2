package io.colimaservices.domain.backup;

import io.colimaservices.domain.UserError;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Lets a face stop a backup or restore under way ("Cancel", Ctrl-C): the running command is killed in its
 * container (so it never mistakes the cut for the end of its input), its partial file removed, and the run ends
 * with a {@link UserError}. Thread-safe.
 */
public final class Cancellation {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicReference<Runnable> current = new AtomicReference<>();

    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            Runnable action = current.get();
            if (action != null) {
                action.run();
            }
        }
    }

    public boolean cancelled() {
        return cancelled.get();
    }

    /** Runs {@code onCancel} if a cancel comes while the step runs (at once if it came before). */
    void during(Runnable onCancel) {
        current.set(onCancel);
        if (cancelled.get()) {
            onCancel.run();
        }
    }

    void stepEnded() {
        current.set(null);
    }

    void throwIfCancelled(String what) {
        if (cancelled.get()) {
            throw new UserError(UserError.Kind.BACKUP, what + " cancelled");
        }
    }
}
