package io.colimaservices.ui.common;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Where the failure of an action started outside a page goes (the menu's copy, TLS, unseal, VM actions): to the
 * page's message area when the window is open (and that page is brought forward), to a notification when it is
 * not. Never only to the log: a user who chose an action hears how it ended.
 */
public final class ActionFailures {

    /** The dashboard window as far as failures need it. */
    public interface Window {
        boolean isShowing();

        /** The page's action state, when the page was built. */
        Optional<ActionState> messages(String section);

        void show(String section);
    }

    private final Executor ui;
    private final Window window;
    private final Consumer<Notice> notifications;

    /**
     * @param ui            the FX thread in the app, the caller's thread in tests
     * @param notifications shows a notice as a notification (the window is hidden or the page not built)
     */
    public ActionFailures(Executor ui, Window window, Consumer<Notice> notifications) {
        this.ui = Objects.requireNonNull(ui);
        this.window = Objects.requireNonNull(window);
        this.notifications = Objects.requireNonNull(notifications);
    }

    /** Reports {@code e} titled {@code title} (its words as {@link Notice#failure}) for the page {@code section}. */
    public void report(String section, String title, RuntimeException e) {
        report(section, Notice.failure(title, e));
    }

    /** Reports a failure already in words; from any thread. */
    public void report(String section, Notice failure) {
        ui.execute(() -> {
            Optional<ActionState> page = window.isShowing() ? window.messages(section) : Optional.empty();
            if (page.isPresent()) {
                page.get().fail(failure);
                window.show(section);
            } else {
                notifications.accept(failure);
            }
        });
    }
}
