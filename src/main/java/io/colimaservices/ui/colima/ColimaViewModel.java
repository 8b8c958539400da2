package io.colimaservices.ui.colima;

import io.colimaservices.domain.StackStore;
import io.colimaservices.domain.StatusText;
import io.colimaservices.domain.VmPhase;
import io.colimaservices.domain.VmState;
import io.colimaservices.ui.common.ActionState;
import io.colimaservices.usecase.VmUseCase;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The Colima page: the configured profile's VM as the store holds it (kept current by the VM watcher) with its
 * resources, the page's one {@link ActionState}, and its panels: the {@link ColimaSocketViewModel Docker socket}
 * with its diagnosis and fix, the {@link ColimaActionsViewModel VM actions} (start / stop / restart, the tool's
 * output as progress lines) and the {@link ColimaDeleteViewModel delete confirmation}. Properties change on the UI
 * executor only; everything that waits for Colima runs on the background executor, through the {@link VmUseCase}.
 */
public final class ColimaViewModel {
    /** Progress lines kept on screen; older ones are dropped (a first start prints a few dozen). */
    public static final int MAX_LINES = ColimaActionsViewModel.MAX_LINES;
    public static final String INSTALL_COMMAND = ColimaSocketViewModel.INSTALL_COMMAND;

    /** One line of the resources grid; {@code id} is stable for tests and CSS. */
    public record Fact(String id, String label, String value) {
    }

    static final String NONE = "\u2014";

    private final Executor ui;
    private final Executor background;
    private final VmUseCase machine;
    private final ActionState action;

    private final ReadOnlyStringWrapper profile = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<VmPhase> phase = new ReadOnlyObjectWrapper<>(VmPhase.UNKNOWN);
    private final ReadOnlyStringWrapper phaseText = new ReadOnlyStringWrapper("Not checked yet");
    private final ReadOnlyObjectWrapper<StatusText.Tone> tone = new ReadOnlyObjectWrapper<>(StatusText.Tone.OFF);
    private final ReadOnlyStringWrapper stateError = new ReadOnlyStringWrapper("");
    private final ObservableList<Fact> facts = FXCollections.observableArrayList();
    private final ObservableList<Fact> readOnlyFacts = FXCollections.unmodifiableObservableList(facts);
    private final ReadOnlyBooleanWrapper notInstalled = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper toolDescription = new ReadOnlyStringWrapper("");
    private final ColimaSocketViewModel socket;
    private final ColimaActionsViewModel actions;
    private final ColimaDeleteViewModel deletion;
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
        this.action = new ActionState(ui, background);
        socket = new ColimaSocketViewModel(this, Objects.requireNonNull(clipboard));
        actions = new ColimaActionsViewModel(this);
        deletion = new ColimaDeleteViewModel(this);
        apply(store.current().vm());
        // Followed always (a relay costs nothing while nothing changes): the menu's VM actions run through this
        // model and must judge by the current state even when the page was never shown.
        store.relay(ui, s -> apply(s.vm()));
    }

    // ---- what the panels share -----------------------------------------------------------------------------------

    VmUseCase machine() {
        return machine;
    }

    Executor ui() {
        return ui;
    }

    Executor background() {
        return background;
    }

    /** The actions' conditions changed (the VM's phase, an action began or ended, the fix). */
    void updateActions() {
        actions.update();
        deletion.update();
    }

    // ---- commands ------------------------------------------------------------------------------------------------

    /** The page is on screen: read the VM now (the watcher otherwise polls once a minute). */
    public void shown() {
        refresh();
    }

    /** Reads the VM and its socket again, off the UI thread. */
    public void refresh() {
        background.execute(machine::refresh);
    }

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
        socket.apply(vm);
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

    // ---- panels and properties -----------------------------------------------------------------------------------

    public ActionState action() {
        return action;
    }

    public ColimaSocketViewModel socket() {
        return socket;
    }

    public ColimaActionsViewModel actions() {
        return actions;
    }

    public ColimaDeleteViewModel deletion() {
        return deletion;
    }

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
}
