package io.colimaservices.ui.dashboard;

import io.colimaservices.domain.PullRun;
import io.colimaservices.domain.PullText;
import io.colimaservices.domain.PullTotals;
import io.colimaservices.domain.PullView;
import io.colimaservices.domain.StackProgress;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.concurrent.Executor;

/**
 * The images {@code up} pulls before it starts anything (through the pull use case, {@code StackUseCase.up}): one line
 * per image (bytes, rate, estimate, layers; or present, pulled, failed), a total with the estimate, the fraction done,
 * and Cancel. It follows the run the stack's progress hands over ({@link StackProgress.PullStarted}) and reads the
 * run's view when {@link #refresh()} is called (the view calls it on a pulse while {@link #activeProperty()} holds):
 * the run's steps come on its own threads, many per second, so the page redraws at its own pace rather than per step.
 */
public final class PullProgressViewModel {
    private final Executor ui;
    private final ObservableList<String> images = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyImages = FXCollections.unmodifiableObservableList(images);
    private final ReadOnlyStringWrapper total = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper cancelled = new ReadOnlyBooleanWrapper(false);
    private volatile PullRun run;

    /** @param ui applies state changes (the FX thread in the app, the caller's thread in tests) */
    public PullProgressViewModel(Executor ui) {
        this.ui = ui;
    }

    /** Takes one step of a stack action from any thread; only the pull's start and end matter here. */
    public void accept(StackProgress step) {
        switch (step) {
            case StackProgress.PullStarted started -> {
                run = started.run();
                ui.execute(() -> {
                    cancelled.set(false);
                    active.set(true);
                });
                refresh();
            }
            case StackProgress.PullEnded ended -> {
                refresh();
                ui.execute(() -> active.set(false));
            }
            default -> {
            }
        }
    }

    /** Reads the run's state now (from any thread) and shows it. */
    public void refresh() {
        PullRun current = run;
        if (current == null) {
            return;
        }
        PullView view = current.view();
        List<String> lines = view.images().stream().map(PullText::line).toList();
        PullTotals t = view.totals();
        String totals = "total  " + PullText.totals(t);
        double done = t.size() > 0 && t.sizeComplete() ? Math.min(1.0, (double) t.downloaded() / t.size())
                : t.imageCount() > 0 ? (double) t.imagesFinished() / t.imageCount() : -1;
        ui.execute(() -> {
            if (!lines.equals(images)) {
                images.setAll(lines);
            }
            total.set(totals);
            fraction.set(done);
        });
    }

    /** Stops the pull: every image under way is cancelled, and the action that started it ends as cancelled. */
    public void cancel() {
        PullRun current = run;
        if (current != null && active.get()) {
            current.cancel();
            cancelled.set(true);
        }
    }

    /** One line per image of the run, in plan order. */
    public ObservableList<String> images() {
        return readOnlyImages;
    }

    /** The run's totals: images done, bytes, rate, estimate. */
    public ReadOnlyStringProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** Bytes done of the known size (images done while sizes are unknown); -1 before anything is known. */
    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    /** A pull is under way (show the lines, the total, Cancel). */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** Cancel was pressed for the run under way. */
    public ReadOnlyBooleanProperty cancelledProperty() {
        return cancelled.getReadOnlyProperty();
    }
}
