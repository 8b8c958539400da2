package io.colimaservices.ui.setup;

import io.colimaservices.ui.common.BackgroundWork;
import io.colimaservices.ui.common.Notice;
import io.colimaservices.usecase.SetupProgress;
import io.colimaservices.usecase.SetupState;
import io.colimaservices.usecase.SetupStep;
import io.colimaservices.usecase.SetupUseCase;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The Setup page (issue 20): the checklist as {@link SetupUseCase} finds it, "Set up everything" and a button per
 * step. Every state comes from the use case's live checks (when the page is shown, and after each run); a run's
 * progress marks its step running and shows its latest line. Vault's initialization is confirmed through
 * {@code confirmation} (the view's dialog). {@link #finishedProperty()} is what the menu's "Finish setup" follows.
 */
public final class SetupViewModel {
    // Read-only state.
    private final ObservableList<SetupStep> steps = FXCollections.observableArrayList();
    private final ObservableList<SetupStep> readOnlySteps = FXCollections.unmodifiableObservableList(steps);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Not checked yet");
    private final ReadOnlyStringWrapper lastLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();

    private final SetupUseCase setup;
    private final BackgroundWork work;
    private final SetupUseCase.Confirmation confirmation;
    private Optional<String> tier = Optional.empty();

    /**
     * @param confirmation asked on the background thread before Vault's shares are created (the view blocks it on
     *                     a dialog shown on the FX thread)
     */
    public SetupViewModel(SetupUseCase setup, Executor ui, Executor background,
                          SetupUseCase.Confirmation confirmation) {
        this.setup = setup;
        this.work = new BackgroundWork(ui, background);
        this.confirmation = confirmation;
    }

    public ObservableList<SetupStep> steps() {
        return readOnlySteps;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastLineProperty() {
        return lastLine.getReadOnlyProperty();
    }

    /** The last run's outcome or failure; null when there is none. */
    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Whether a step's own button can act on it now: open, not optional-manual, and nothing else running. */
    public boolean canRun(SetupStep step) {
        return !busy.get() && (step.state() == SetupState.TODO || step.state() == SetupState.FAILED);
    }

    // Commands.

    /** The tier the page sets up (the tiers issue's default tier in Preferences, when it lands). */
    public void useTier(Optional<String> chosen) {
        this.tier = chosen;
    }

    /** Checks every step again (the page came on screen; after a run). */
    public void refresh() {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        work.run("setup status", () -> setup.status(tier), this::show, failure -> {
            busy.set(false);
            notice.set(Notice.failure("Setup could not be checked", failure));
        });
    }

    /** "Set up everything": every step not done, in order, stopping at the first failure. */
    public void runAll() {
        start(progress -> setup.run(tier, confirmation, progress));
    }

    /** A step's own button. */
    public void runStep(String id) {
        start(progress -> setup.runStep(id, tier, confirmation, progress));
    }

    public void dismissNotice() {
        notice.set(null);
    }

    private interface Run {
        SetupUseCase.Outcome run(Consumer<SetupProgress> progress);
    }

    private void start(Run run) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        notice.set(null);
        lastLine.set("");
        Consumer<SetupProgress> progress = work.onUi(this::progress);
        work.run("setup", () -> run.run(progress), this::finish, failure -> {
            busy.set(false);
            notice.set(Notice.failure("Setup stopped", failure));
        });
    }

    private void progress(SetupProgress step) {
        switch (step) {
            case SetupProgress.Started s -> {
                replace(s.step());
                lastLine.set(s.step().title() + "\u2026");
            }
            case SetupProgress.Line l -> lastLine.set(l.text());
            case SetupProgress.Checked c -> replace(c.step());
        }
    }

    private void finish(SetupUseCase.Outcome outcome) {
        show(outcome.steps());
        notice.set(outcome.failure().map(f -> Notice.danger("Setup stopped at " + f.step().title(),
                        f.cause() + " \u2014 fix: " + f.fix()))
                .orElseGet(() -> outcome.acted().isEmpty() ? Notice.info("Nothing to do",
                        "Every step that setup can take is done.") : Notice.success("Setup finished",
                        "Done: " + String.join(", ", outcome.acted()))));
    }

    private void show(List<SetupStep> checked) {
        steps.setAll(checked);
        busy.set(false);
        boolean done = SetupUseCase.finished(checked);
        finished.set(done);
        long open = checked.stream().filter(SetupStep::keepsSetupOpen).count();
        summary.set(done ? "Setup is finished: every required step is done or skipped."
                : open + " required step" + (open == 1 ? "" : "s") + " left.");
    }

    private void replace(SetupStep step) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(step.id())) {
                steps.set(i, step);
                return;
            }
        }
        steps.add(step);
    }
}
