package io.colimaservices.domain;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands only the latest value to a consumer on another executor (the FX or AWT thread), however fast values
 * arrive: at most one task is queued at a time, so a burst of snapshots costs one UI update, never one
 * {@code runLater} each.
 */
public final class LatestValueRelay<T> implements Consumer<T> {
    private final Executor uiExecutor;
    private final Consumer<T> target;
    private final AtomicReference<T> latest = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    public LatestValueRelay(Executor uiExecutor, Consumer<T> target) {
        this.uiExecutor = uiExecutor;
        this.target = target;
    }

    @Override
    public void accept(T value) {
        latest.set(value);
        if (scheduled.compareAndSet(false, true)) {
            uiExecutor.execute(this::drain);
        }
    }

    private void drain() {
        scheduled.set(false);
        T value = latest.getAndSet(null);
        if (value != null) {
            target.accept(value);
        }
    }
}
