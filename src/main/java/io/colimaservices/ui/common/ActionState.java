package io.colimaservices.ui.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one action state every page shares between its panels: whether an action runs ({@link #busyProperty()}),
 * what it is doing ({@link #activityProperty()}), the page's message ({@link #noticeProperty()}) and, when the last
 * action failed, that failure ({@link #failureProperty()}, also shown as the notice). One action at a time per page:
 * {@link #start} refuses a second one while the first runs.
 */
public final class ActionState {
    private final BackgroundWork work;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Notice> failure = new ReadOnlyObjectWrapper<>();

    public ActionState(Executor ui, Executor background) {
        this.work = new BackgroundWork(ui, background);
    }

    /** The background runner the page's panels share (reads that are not actions, progress to the UI thread). */
    public BackgroundWork work() {
        return work;
    }

    /**
     * Starts an action unless one runs: busy with {@code activity}, the previous message cleared; {@code work} runs
     * in the background, then {@code done} (busy already off) or, on failure, the failure is shown titled
     * {@code failedTitle} and {@code failed} runs (for follow-ups such as reading the state again).
     *
     * @return false when another action was running (nothing started)
     */
    public <T> boolean start(String activity, Supplier<T> work, Consumer<T> done, String failedTitle,
                             Consumer<RuntimeException> failed) {
        if (busy.get()) {
            return false;
        }
        begin(activity);
        this.work.run(activity, work, result -> {
            end();
            done.accept(result);
        }, e -> {
            end();
            fail(failedTitle, e);
            failed.accept(e);
        });
        return true;
    }

    /** {@link #start} without a follow-up on failure. */
    public <T> boolean start(String activity, Supplier<T> work, Consumer<T> done, String failedTitle) {
        return start(activity, work, done, failedTitle, e -> { });
    }

    /** Marks an action begun by hand (one whose progress arrives in steps): busy, message and failure cleared. */
    public void begin(String what) {
        busy.set(true);
        activity.set(Objects.requireNonNull(what));
        notice.set(null);
        failure.set(null);
    }

    /** Marks the running action ended. */
    public void end() {
        busy.set(false);
        activity.set("");
    }

    /** Shows a message (a result, a hint); null clears it. */
    public void show(Notice message) {
        notice.set(message);
        if (message == null || message.tone() != Notice.Tone.DANGER) {
            failure.set(null);
        }
    }

    /** Shows a failure as the user reads it ({@link Notice#failure}). */
    public void fail(String title, RuntimeException e) {
        Notice n = Notice.failure(title, e);
        notice.set(n);
        failure.set(n);
    }

    /**
     * Shows a failure with its message even when it is not a {@link io.colimaservices.domain.UserError}: for pages
     * whose work handles no secret (the VM, the settings file), where the message is the most useful words there
     * are. Never a stack trace; the failure's type when it has no message.
     */
    public void failShowingMessage(String title, RuntimeException e) {
        fail(e instanceof io.colimaservices.domain.UserError ? Notice.failure(title, e) : Notice.danger(title,
                e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }

    /** Shows a failure already in words. */
    public void fail(Notice danger) {
        notice.set(danger);
        failure.set(danger);
    }

    public void dismiss() {
        notice.set(null);
        failure.set(null);
    }

    public boolean isBusy() {
        return busy.get();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty activityProperty() {
        return activity.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The last action's failure until the next action starts or the message is dismissed; null otherwise. */
    public ReadOnlyObjectProperty<Notice> failureProperty() {
        return failure.getReadOnlyProperty();
    }
}
