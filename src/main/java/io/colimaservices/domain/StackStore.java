package io.colimaservices.domain;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Holds the current {@link StackSnapshot} and tells listeners when it changes. Writers (watchers, actions) pass
 * a function of the current snapshot so concurrent updates never lose each other. Listeners are called on the
 * writer's thread and must hop to their own (FX, AWT) themselves, coalescing as they see fit.
 */
public final class StackStore {
    private final AtomicReference<StackSnapshot> current;
    private final List<Consumer<StackSnapshot>> listeners = new CopyOnWriteArrayList<>();

    public StackStore(StackSnapshot initial) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial));
    }

    public StackSnapshot current() {
        return current.get();
    }

    /** Applies {@code change} atomically; listeners hear of it only when the snapshot actually changed. */
    public StackSnapshot update(UnaryOperator<StackSnapshot> change) {
        StackSnapshot before;
        StackSnapshot after;
        do {
            before = current.get();
            after = Objects.requireNonNull(change.apply(before));
        } while (!current.compareAndSet(before, after));
        if (!after.equals(before)) {
            for (Consumer<StackSnapshot> listener : listeners) {
                listener.accept(after);
            }
        }
        return after;
    }

    /** Registers a listener; closing the returned handle removes it. */
    public AutoCloseable subscribe(Consumer<StackSnapshot> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
