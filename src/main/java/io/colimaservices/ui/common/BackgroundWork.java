package io.colimaservices.ui.common;

import io.colimaservices.domain.UserError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs blocking work off the UI thread and hands its result or failure back on the UI executor. In the app the
 * background executor starts virtual threads and the UI executor is the FX thread; in ViewModel tests both run
 * at once on the caller's thread (or the test queues the background work to look at the state in between).
 */
public final class BackgroundWork {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundWork.class);

    private final Executor ui;
    private final Executor background;

    public BackgroundWork(Executor ui, Executor background) {
        this.ui = Objects.requireNonNull(ui);
        this.background = Objects.requireNonNull(background);
    }

    /**
     * Runs {@code work} in the background; then {@code done} or {@code failed} on the UI executor. Unexpected
     * failures are logged by type and stack only: their messages may quote what they were handling.
     */
    public <T> void run(String what, Supplier<T> work, Consumer<T> done, Consumer<RuntimeException> failed) {
        background.execute(() -> {
            T result;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                if (!(e instanceof UserError)) {
                    LOG.warn("{} failed unexpectedly: {}", what, e.getClass().getName());
                }
                ui.execute(() -> failed.accept(e));
                return;
            }
            ui.execute(() -> done.accept(result));
        });
    }

    /** A consumer that hands each value to {@code target} on the UI executor (progress from background work). */
    public <T> Consumer<T> onUi(Consumer<T> target) {
        return value -> ui.execute(() -> target.accept(value));
    }

    public Executor ui() {
        return ui;
    }
}
