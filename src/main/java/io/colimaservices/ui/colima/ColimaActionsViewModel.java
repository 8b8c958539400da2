package io.colimaservices.ui.colima;

import io.colimaservices.domain.UserError;
import io.colimaservices.domain.VmPhase;
import io.colimaservices.domain.VmProgress;
import io.colimaservices.domain.VmRuntime;
import io.colimaservices.domain.VmSpec;
import io.colimaservices.ui.common.ActionState;
import io.colimaservices.ui.common.Notice;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Colima page's VM actions: start, stop, restart (and the delete its confirmation panel asks for), one at a
 * time as the page's action, with the tool's output as progress lines and a line saying what runs or how the last
 * action ended.
 */
public final class ColimaActionsViewModel {
    /** Progress lines kept on screen; older ones are dropped (a first start prints a few dozen). */
    public static final int MAX_LINES = 300;
    /** A line longer than this is cut: the list is for reading progress, not for dumps. */
    static final int MAX_LINE_LENGTH = 2_000;
    private static final Set<VmPhase> CHANGING = Set.of(VmPhase.STARTING, VmPhase.STOPPING);

    private final ColimaViewModel page;
    private final ActionState action;
    private final ReadOnlyBooleanWrapper changing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canStart = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canStop = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canRestart = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canFix = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final StringBinding statusLine;
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyLines = FXCollections.unmodifiableObservableList(lines);
    private final ConcurrentLinkedQueue<String> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();

    ColimaActionsViewModel(ColimaViewModel page) {
        this.page = page;
        this.action = page.action();
        statusLine = Bindings.createStringBinding(() -> action.isBusy() ? action.activityProperty().get()
                : outcome.get(), action.busyProperty(), action.activityProperty(), outcome);
    }

    /** Whether the VM can act now: no action of this page runs, the VM is not changing, Colima is there. */
    boolean idle() {
        VmPhase p = page.phaseProperty().get();
        return !action.isBusy() && !CHANGING.contains(p) && p != VmPhase.NOT_INSTALLED;
    }

    void update() {
        VmPhase p = page.phaseProperty().get();
        boolean idle = idle();
        changing.set(action.isBusy() || CHANGING.contains(p));
        canStart.set(idle && p != VmPhase.RUNNING);
        canStop.set(idle && (p == VmPhase.RUNNING || p == VmPhase.UNKNOWN));
        canRestart.set(idle && (p == VmPhase.RUNNING || p == VmPhase.UNKNOWN));
        ColimaSocketViewModel.FixKind kind = page.socket().fixKindProperty().get();
        canFix.set(kind == ColimaSocketViewModel.FixKind.COMMAND || kind == ColimaSocketViewModel.FixKind.ACTION && idle);
    }

    // ---- commands ------------------------------------------------------------------------------------------------

    /** Starts (creating if needed) the VM with the settings' resources. */
    public void start() {
        act("Starting", canStart.get(), progress -> {
            VmSpec chosen = page.machine().spec(Optional.empty());
            page.machine().start(chosen, VmRuntime.START_DEADLINE, progress);
            return "VM " + chosen.profile() + " started";
        });
    }

    /**
     * Stops the VM on screen gracefully; Colima is forced after {@link VmRuntime#STOP_DEADLINE}. Start and restart
     * take the settings' spec (its profile is the one the watcher reads); stop and delete act on what the user sees.
     */
    public void stop() {
        String name = page.profileProperty().get();
        act("Stopping", canStop.get(), progress -> {
            page.machine().stop(name, false, VmRuntime.STOP_DEADLINE, progress);
            return "VM " + name + " stopped";
        });
    }

    /** Stops and starts with the settings' resources, so changed ones apply (and a stale socket is rebuilt). */
    public void restart() {
        act("Restarting", canRestart.get(), progress -> {
            VmSpec chosen = page.machine().spec(Optional.empty());
            page.machine().restart(chosen, VmRuntime.START_DEADLINE, progress);
            return "VM " + chosen.profile() + " restarted";
        });
    }

    interface Work {
        /** @return what to say when it is done */
        String run(VmProgress progress);
    }

    /** @param allowed the action's own condition (the page's buttons are disabled by the same one) */
    void act(String doing, boolean allowed, Work work) {
        if (action.isBusy() || !allowed) {
            return;
        }
        String what = doing + " VM " + page.profileProperty().get();
        pending.clear();
        lines.clear();
        outcome.set("");
        action.begin(what + "\u2026");
        page.updateActions();
        action.work().run(what, () -> work.run(this::line), done -> finish(done, null), e -> finish(doing
                + " failed", e instanceof UserError ? Notice.failure(doing + " failed", e)
                // Not expected of the runtime: still words for the user, never a stack trace.
                : Notice.danger(doing + " failed", what + " failed: "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()))));
    }

    private void finish(String said, Notice failure) {
        action.end();
        outcome.set(said);
        if (failure != null) {
            action.fail(failure);
        }
        page.updateActions();
    }

    /** From the tool's reader thread: lines are queued and handed to the UI in batches. */
    private void line(String text) {
        String line = text.length() > MAX_LINE_LENGTH ? text.substring(0, MAX_LINE_LENGTH) + "\u2026" : text;
        pending.add(line);
        if (drainScheduled.compareAndSet(false, true)) {
            page.ui().execute(this::drain);
        }
    }

    private void drain() {
        drainScheduled.set(false);
        List<String> batch = new ArrayList<>();
        for (String next = pending.poll(); next != null; next = pending.poll()) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        if (batch.size() >= MAX_LINES) {
            lines.setAll(batch.subList(batch.size() - MAX_LINES, batch.size()));
            return;
        }
        int overflow = lines.size() + batch.size() - MAX_LINES;
        if (overflow > 0) {
            lines.remove(0, overflow);
        }
        lines.addAll(batch);
    }

    // ---- properties ----------------------------------------------------------------------------------------------

    /** The VM is changing: an action of this page runs, or the store shows starting/stopping. */
    public ReadOnlyBooleanProperty changingProperty() {
        return changing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canStartProperty() {
        return canStart.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canStopProperty() {
        return canStop.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRestartProperty() {
        return canRestart.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canFixProperty() {
        return canFix.getReadOnlyProperty();
    }

    /** What runs ("Starting VM default…") or how the last action ended ("VM default started", "Starting failed"). */
    public StringBinding statusLineProperty() {
        return statusLine;
    }

    /** The running (or last) action's output, oldest first, at most {@link #MAX_LINES}. */
    public ObservableList<String> lines() {
        return readOnlyLines;
    }
}
