package io.colimaservices.ui.colima;

import io.colimaservices.domain.SocketCondition;
import io.colimaservices.domain.SocketDiagnosis;
import io.colimaservices.domain.SocketFix;
import io.colimaservices.domain.StackStore;
import io.colimaservices.domain.StatusText;
import io.colimaservices.domain.UserError;
import io.colimaservices.domain.VmDeletion;
import io.colimaservices.domain.VmPhase;
import io.colimaservices.domain.VmProgress;
import io.colimaservices.domain.VmRuntime;
import io.colimaservices.domain.VmSpec;
import io.colimaservices.domain.VmState;
import io.colimaservices.usecase.VmUseCase;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The Colima page: the configured profile's VM as the store holds it (kept current by the VM watcher), its Docker
 * socket with the diagnosis and its one fix, and start / stop / restart / delete with the tool's output as progress
 * lines. Properties change on the UI executor only; everything that waits for Colima runs on the background
 * executor, through the {@link VmUseCase} (which shows {@code starting}/{@code stopping} across the app meanwhile).
 */
public final class ColimaViewModel {
    /** Progress lines kept on screen; older ones are dropped (a first start prints a few dozen). */
    public static final int MAX_LINES = 300;
    /** A line longer than this is cut: the list is for reading progress, not for dumps. */
    static final int MAX_LINE_LENGTH = 2_000;
    public static final String INSTALL_COMMAND = "brew install colima";

    /** How the socket's fix is offered: a button that runs a VM action, or a command to copy and run. */
    public enum FixKind { NONE, ACTION, COMMAND }

    /** One line of the resources grid; {@code id} is stable for tests and CSS. */
    public record Fact(String id, String label, String value) {
    }

    private static final Set<VmPhase> CHANGING = Set.of(VmPhase.STARTING, VmPhase.STOPPING);
    private static final Set<VmPhase> NOT_THERE = Set.of(VmPhase.STOPPED, VmPhase.ABSENT, VmPhase.NOT_INSTALLED);
    private static final String NONE = "\u2014";

    private final Executor ui;
    private final Executor background;
    private final VmUseCase machine;
    private final Consumer<String> clipboard;

    private final ReadOnlyStringWrapper profile = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<VmPhase> phase = new ReadOnlyObjectWrapper<>(VmPhase.UNKNOWN);
    private final ReadOnlyStringWrapper phaseText = new ReadOnlyStringWrapper("Not checked yet");
    private final ReadOnlyObjectWrapper<StatusText.Tone> tone = new ReadOnlyObjectWrapper<>(StatusText.Tone.OFF);
    private final ReadOnlyStringWrapper stateError = new ReadOnlyStringWrapper("");
    private final ObservableList<Fact> facts = FXCollections.observableArrayList();
    private final ObservableList<Fact> readOnlyFacts = FXCollections.unmodifiableObservableList(facts);
    private final ReadOnlyBooleanWrapper notInstalled = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper toolDescription = new ReadOnlyStringWrapper("");

    private final ReadOnlyStringWrapper socketPath = new ReadOnlyStringWrapper(NONE);
    private final ReadOnlyStringWrapper socketCondition = new ReadOnlyStringWrapper("Not checked yet");
    private final ReadOnlyObjectWrapper<StatusText.Tone> socketTone = new ReadOnlyObjectWrapper<>(StatusText.Tone.OFF);
    private final ReadOnlyStringWrapper socketDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<SocketFix> fix = new ReadOnlyObjectWrapper<>(SocketFix.NONE);
    private final ReadOnlyObjectWrapper<FixKind> fixKind = new ReadOnlyObjectWrapper<>(FixKind.NONE);
    private final ReadOnlyStringWrapper fixLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper fixText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper fixCommand = new ReadOnlyStringWrapper("");

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper changing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canStart = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canStop = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canRestart = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canDelete = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canFix = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper failureTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper failureHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");

    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyLines = FXCollections.unmodifiableObservableList(lines);
    private final ConcurrentLinkedQueue<String> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();

    private final ReadOnlyBooleanWrapper confirmingDelete = new ReadOnlyBooleanWrapper(false);
    private final StringProperty deleteConfirmation = new SimpleStringProperty(this, "deleteConfirmation", "");
    private final ReadOnlyBooleanWrapper deleteAllowed = new ReadOnlyBooleanWrapper(false);

    private boolean describingTool;

    /**
     * @param ui the FX thread in the app, the caller's thread in tests
     * @param background runs what waits for Colima (status, start, stop, delete)
     * @param vm the VM's use case (start and restart take the settings' VM, asked on the background executor)
     * @param clipboard puts a command on the clipboard; called on the UI executor
     */
    public ColimaViewModel(Executor ui, Executor background, StackStore store, VmUseCase vm,
                           Consumer<String> clipboard) {
        this.ui = Objects.requireNonNull(ui);
        this.background = Objects.requireNonNull(background);
        this.machine = Objects.requireNonNull(vm);
        this.clipboard = Objects.requireNonNull(clipboard);
        deleteConfirmation.addListener((o, was, now) -> updateDeleteAllowed());
        apply(store.current().vm());
        // Followed always (a relay costs nothing while nothing changes): the menu's VM actions run through this
        // model and must judge by the current state even when the page was never shown.
        store.relay(ui, s -> apply(s.vm()));
    }

    // --- the page's life

    /** The page is on screen: read the VM now (the watcher otherwise polls once a minute). */
    public void shown() {
        refresh();
    }

    /** Reads the VM and its socket again, off the UI thread. */
    public void refresh() {
        background.execute(machine::refresh);
    }

    // --- state from the store

    /** Shows a VM state; UI executor. */
    void apply(VmState vm) {
        profile.set(vm.profile());
        phase.set(vm.phase());
        phaseText.set(phaseWords(vm.phase()));
        tone.set(phaseTone(vm.phase()));
        stateError.set(vm.error().orElse(""));
        notInstalled.set(vm.phase() == VmPhase.NOT_INSTALLED);
        List<Fact> next = facts(vm);
        if (!next.equals(facts)) {
            facts.setAll(next);
        }
        Optional<SocketDiagnosis> diagnosis = vm.socketDiagnosis();
        socketPath.set(diagnosis.map(SocketDiagnosis::socket).or(vm::socket).orElse(NONE));
        socketCondition.set(diagnosis.map(d -> conditionWords(d.condition())).orElse("Not checked yet"));
        socketTone.set(diagnosis.map(d -> socketTone(d, vm.phase())).orElse(StatusText.Tone.OFF));
        socketDetail.set(diagnosis.map(SocketDiagnosis::detail).orElse(""));
        SocketFix f = diagnosis.map(SocketDiagnosis::fix).orElse(SocketFix.NONE);
        fix.set(f);
        fixKind.set(switch (f) {
            case NONE -> FixKind.NONE;
            case START_VM, RESTART_VM -> FixKind.ACTION;
            case INSTALL_COLIMA, FIX_DOCKER_HOST, USE_COLIMA_CONTEXT -> FixKind.COMMAND;
        });
        fixLabel.set(switch (f) {
            case NONE -> "";
            case START_VM -> "Start VM";
            case RESTART_VM -> "Restart VM";
            case INSTALL_COLIMA -> "Install Colima, in a terminal:";
            case FIX_DOCKER_HOST -> "Point DOCKER_HOST at Colima, in your shell:";
            case USE_COLIMA_CONTEXT -> "Use Colima's docker context, in a terminal:";
        });
        String text = diagnosis.map(SocketDiagnosis::fixText).orElse("");
        fixText.set(text);
        fixCommand.set(commandOf(text));
        if (vm.phase() == VmPhase.NOT_INSTALLED && toolDescription.get().isEmpty() && !describingTool) {
            describingTool = true;
            background.execute(() -> {
                String where = machine.describeTool();
                ui.execute(() -> {
                    toolDescription.set(where);
                    describingTool = false;
                });
            });
        }
        updateActions();
        updateDeleteAllowed();
    }

    private static List<Fact> facts(VmState vm) {
        boolean running = vm.phase() == VmPhase.RUNNING;
        List<Fact> list = new ArrayList<>();
        list.add(new Fact("arch", "Architecture", vm.arch().orElse(NONE)));
        list.add(new Fact("cpus", "CPUs", vm.cpus() > 0 ? String.valueOf(vm.cpus()) : NONE));
        list.add(new Fact("memory", "Memory", vm.memoryGiB() > 0 ? gib(vm.memoryGiB()) : NONE));
        list.add(new Fact("disk", "Disk", vm.diskGiB() > 0 ? gib(vm.diskGiB()) : NONE));
        list.add(new Fact("runtime", "Runtime", vm.runtime().orElse(NONE)));
        list.add(new Fact("address", "Address", vm.address().orElse(running ? "none (localhost only)" : NONE)));
        // Colima reports Kubernetes only for a running VM; a stopped one's answer would be a guess.
        list.add(new Fact("kubernetes", "Kubernetes", running ? (vm.kubernetes() ? "on" : "off") : NONE));
        return list;
    }

    static String gib(double value) {
        return value == Math.rint(value)
                ? String.format(Locale.ROOT, "%.0f GiB", value)
                : String.format(Locale.ROOT, "%.2f GiB", value);
    }

    static String phaseWords(VmPhase phase) {
        return switch (phase) {
            case UNKNOWN -> "State unknown";
            case NOT_INSTALLED -> "Colima is not installed";
            case ABSENT -> "Not created yet";
            case STOPPED -> "Stopped";
            case STARTING -> "Starting\u2026";
            case RUNNING -> "Running";
            case STOPPING -> "Stopping\u2026";
        };
    }

    static StatusText.Tone phaseTone(VmPhase phase) {
        return switch (phase) {
            case RUNNING -> StatusText.Tone.OK;
            case STARTING, STOPPING, NOT_INSTALLED -> StatusText.Tone.WARN;
            case UNKNOWN -> StatusText.Tone.BAD;
            case STOPPED, ABSENT -> StatusText.Tone.OFF;
        };
    }

    static String conditionWords(SocketCondition condition) {
        return switch (condition) {
            case ANSWERING -> "Answering";
            case MISSING -> "Missing";
            case DANGLING_LINK -> "Dangling link";
            case NOT_A_SOCKET -> "Not a socket";
            case REFUSING -> "Refusing connections";
            case NOT_ANSWERING -> "Not answering";
            case DOCKER_HOST_ELSEWHERE -> "DOCKER_HOST points elsewhere";
            case CONTEXT_ELSEWHERE -> "Docker context points elsewhere";
        };
    }

    /** A stopped VM without a socket is expected (grey), a running one without a working socket is not (red). */
    private static StatusText.Tone socketTone(SocketDiagnosis d, VmPhase phase) {
        return switch (d.condition()) {
            case ANSWERING -> StatusText.Tone.OK;
            case DOCKER_HOST_ELSEWHERE, CONTEXT_ELSEWHERE -> StatusText.Tone.WARN;
            default -> NOT_THERE.contains(phase) ? StatusText.Tone.OFF
                    : CHANGING.contains(phase) ? StatusText.Tone.WARN : StatusText.Tone.BAD;
        };
    }

    /**
     * The part of a fix text that is a command: {@code export DOCKER_HOST=... (or unset DOCKER_HOST ...)} copies
     * as {@code export DOCKER_HOST=...}, so what lands in the terminal runs.
     */
    static String commandOf(String fixText) {
        int aside = fixText.indexOf("   (");
        return (aside >= 0 ? fixText.substring(0, aside) : fixText).strip();
    }

    private void updateActions() {
        VmPhase p = phase.get();
        boolean idle = !busy.get() && !CHANGING.contains(p) && p != VmPhase.NOT_INSTALLED;
        changing.set(busy.get() || CHANGING.contains(p));
        canStart.set(idle && p != VmPhase.RUNNING);
        canStop.set(idle && (p == VmPhase.RUNNING || p == VmPhase.UNKNOWN));
        canRestart.set(idle && (p == VmPhase.RUNNING || p == VmPhase.UNKNOWN));
        canDelete.set(idle && p != VmPhase.ABSENT);
        canFix.set(fixKind.get() == FixKind.COMMAND || fixKind.get() == FixKind.ACTION && idle);
        if (!canDelete.get() && confirmingDelete.get()) {
            cancelDelete();
        }
    }

    // --- actions

    /** Starts (creating if needed) the VM with the settings' resources. */
    public void start() {
        act("Starting", canStart.get(), progress -> {
            VmSpec chosen = machine.spec(Optional.empty());
            machine.start(chosen, VmRuntime.START_DEADLINE, progress);
            return "VM " + chosen.profile() + " started";
        });
    }

    /**
     * Stops the VM on screen gracefully; Colima is forced after {@link VmRuntime#STOP_DEADLINE}. Start and restart
     * take the settings' spec (its profile is the one the watcher reads); stop and delete act on what the user sees.
     */
    public void stop() {
        String name = profile.get();
        act("Stopping", canStop.get(), progress -> {
            machine.stop(name, false, VmRuntime.STOP_DEADLINE, progress);
            return "VM " + name + " stopped";
        });
    }

    /** Stops and starts with the settings' resources, so changed ones apply (and a stale socket is rebuilt). */
    public void restart() {
        act("Restarting", canRestart.get(), progress -> {
            VmSpec chosen = machine.spec(Optional.empty());
            machine.restart(chosen, VmRuntime.START_DEADLINE, progress);
            return "VM " + chosen.profile() + " restarted";
        });
    }

    /** The socket's fix: runs the VM action it names, or copies its command. */
    public void applyFix() {
        switch (fix.get()) {
            case START_VM -> start();
            case RESTART_VM -> restart();
            case NONE -> { }
            default -> copyFixCommand();
        }
    }

    public void copyFixCommand() {
        copy(fixCommand.get());
    }

    public void copyInstallCommand() {
        copy(INSTALL_COMMAND);
    }

    private void copy(String command) {
        if (command.isBlank()) {
            return;
        }
        clipboard.accept(command);
        notice.set("Copied: " + command);
    }

    /** Opens the confirmation: nothing is deleted until the profile's name is typed. */
    public void requestDelete() {
        if (!canDelete.get()) {
            return;
        }
        deleteConfirmation.set("");
        confirmingDelete.set(true);
    }

    public void cancelDelete() {
        confirmingDelete.set(false);
        deleteConfirmation.set("");
    }

    /** Deletes the VM when the typed name is the profile's; otherwise says why not and deletes nothing. */
    public void confirmDelete() {
        if (!confirmingDelete.get()) {
            return;
        }
        VmDeletion deletion;
        try {
            deletion = VmDeletion.confirm(profile.get(), deleteConfirmation.get());
        } catch (UserError e) {
            showFailure("VM not deleted", e.getMessage(), e.hint());
            return;
        }
        cancelDelete();
        String name = deletion.profile();
        act("Deleting", true, progress -> {
            machine.delete(deletion, VmRuntime.DELETE_DEADLINE, progress);
            return "VM " + name + " deleted";
        });
    }

    private void updateDeleteAllowed() {
        deleteAllowed.set(confirmingDelete.get() && !profile.get().isEmpty()
                && deleteConfirmation.get() != null && deleteConfirmation.get().strip().equals(profile.get()));
    }

    private interface Work {
        /** @return what to say when it is done */
        String run(VmProgress progress);
    }

    /** @param allowed the action's own condition (the page's buttons are disabled by the same one) */
    private void act(String doing, boolean allowed, Work work) {
        if (busy.get() || !allowed) {
            return;
        }
        busy.set(true);
        showFailure("", "", "");
        notice.set("");
        pending.clear();
        lines.clear();
        activity.set(doing + " VM " + profile.get() + "\u2026");
        updateActions();
        background.execute(() -> {
            AtomicReference<String> done = new AtomicReference<>("");
            try {
                done.set(work.run(this::line));
                ui.execute(() -> finish(done.get(), "", ""));
            } catch (UserError e) {
                ui.execute(() -> finish(doing + " failed", e.getMessage(), e.hint()));
            } catch (RuntimeException e) {
                // Not expected of the runtime: still words for the user, never a stack trace.
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                ui.execute(() -> finish(doing + " failed", doing + " VM " + profile.get() + " failed: " + why, ""));
            }
        });
    }

    private void finish(String outcome, String message, String hint) {
        busy.set(false);
        activity.set(outcome);
        showFailure(message.isEmpty() ? "" : outcome, message, hint);
        updateActions();
    }

    private void showFailure(String title, String message, String hint) {
        failureTitle.set(title);
        failure.set(message == null ? "" : message);
        failureHint.set(hint == null ? "" : hint);
    }

    /** From the tool's reader thread: lines are queued and handed to the UI in batches. */
    private void line(String text) {
        String line = text.length() > MAX_LINE_LENGTH ? text.substring(0, MAX_LINE_LENGTH) + "\u2026" : text;
        pending.add(line);
        if (drainScheduled.compareAndSet(false, true)) {
            ui.execute(this::drain);
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

    // --- properties

    public ReadOnlyStringProperty profileProperty() {
        return profile.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<VmPhase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** The phase in words: "Running", "Not created yet", "Starting…". */
    public ReadOnlyStringProperty phaseTextProperty() {
        return phaseText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StatusText.Tone> toneProperty() {
        return tone.getReadOnlyProperty();
    }

    /** Why the state could not be read (phase unknown); empty otherwise. */
    public ReadOnlyStringProperty stateErrorProperty() {
        return stateError.getReadOnlyProperty();
    }

    /** Architecture, CPUs, memory, disk, runtime, address, Kubernetes; a dash where Colima did not say. */
    public ObservableList<Fact> facts() {
        return readOnlyFacts;
    }

    public ReadOnlyBooleanProperty notInstalledProperty() {
        return notInstalled.getReadOnlyProperty();
    }

    /** Where Colima was looked for (only asked once it is known not to be installed). */
    public ReadOnlyStringProperty toolDescriptionProperty() {
        return toolDescription.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty socketPathProperty() {
        return socketPath.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty socketConditionProperty() {
        return socketCondition.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StatusText.Tone> socketToneProperty() {
        return socketTone.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty socketDetailProperty() {
        return socketDetail.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SocketFix> fixProperty() {
        return fix.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FixKind> fixKindProperty() {
        return fixKind.getReadOnlyProperty();
    }

    /** The fix button's text (an action) or the words before the command (a command). */
    public ReadOnlyStringProperty fixLabelProperty() {
        return fixLabel.getReadOnlyProperty();
    }

    /** The fix as the diagnosis words it. */
    public ReadOnlyStringProperty fixTextProperty() {
        return fixText.getReadOnlyProperty();
    }

    /** The command the copy button puts on the clipboard. */
    public ReadOnlyStringProperty fixCommandProperty() {
        return fixCommand.getReadOnlyProperty();
    }

    /** An action of this page runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

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

    public ReadOnlyBooleanProperty canDeleteProperty() {
        return canDelete.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canFixProperty() {
        return canFix.getReadOnlyProperty();
    }

    /** What runs ("Starting VM default…") or how the last action ended. */
    public ReadOnlyStringProperty activityProperty() {
        return activity.getReadOnlyProperty();
    }

    /** What failed, in a few words ("Starting failed", "VM not deleted"); empty when nothing did. */
    public ReadOnlyStringProperty failureTitleProperty() {
        return failureTitle.getReadOnlyProperty();
    }

    /** The last failure's message (a {@link UserError}'s), empty when none. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty failureHintProperty() {
        return failureHint.getReadOnlyProperty();
    }

    /** A short confirmation ("Copied: ..."). */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The running (or last) action's output, oldest first, at most {@link #MAX_LINES}. */
    public ObservableList<String> lines() {
        return readOnlyLines;
    }

    public ReadOnlyBooleanProperty confirmingDeleteProperty() {
        return confirmingDelete.getReadOnlyProperty();
    }

    /** What the user typed in the delete confirmation; the view binds its field to it. */
    public StringProperty deleteConfirmationProperty() {
        return deleteConfirmation;
    }

    /** The typed name is the profile's: the delete button may act. */
    public ReadOnlyBooleanProperty deleteAllowedProperty() {
        return deleteAllowed.getReadOnlyProperty();
    }
}
