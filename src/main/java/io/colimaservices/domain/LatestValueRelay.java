package io.colimaservices.domain;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands only the newest value to a consumer on another executor (the FX or AWT thread), however fast values
 * arrive: at most one task is queued at a time, so a burst of snapshots costs one UI update, never one
 * {@code runLater} each. Newest means the highest version, not the last one handed in, so a value that arrives late
 * (the current snapshot read before a newer one was delivered) is never shown after a newer one. The executor must
 * run one task at a time.
 */
final class LatestValueRelay<T> implements Consumer<Versioned<T>> {
    private final Executor uiExecutor;
    private final Consumer<T> target;
    private final AtomicReference<Versioned<T>> newest = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** The version last handed to the target. Guarded by {@code this}. */
    private long shown = Long.MIN_VALUE;

    LatestValueRelay(Executor uiExecutor, Consumer<T> target) {
        this.uiExecutor = uiExecutor;
        this.target = target;
    }

    @Override
    public void accept(Versioned<T> value) {
        newest.accumulateAndGet(value, (held, offered) -> offered.isNewerThan(held) ? offered : held);
        if (scheduled.compareAndSet(false, true)) {
            uiExecutor.execute(this::drain);
        }
    }

    /** Synchronized for executors that run tasks on the caller's thread (tests): the UI thread never waits here. */
    private synchronized void drain() {
        scheduled.set(false);
        Versioned<T> value = newest.get();
        if (value != null && value.version() > shown) {
            shown = value.version();
            target.accept(value.value());
        }
    }
}
