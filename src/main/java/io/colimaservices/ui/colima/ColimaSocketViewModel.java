package io.colimaservices.ui.colima;

import io.colimaservices.domain.SocketCondition;
import io.colimaservices.domain.SocketDiagnosis;
import io.colimaservices.domain.SocketFix;
import io.colimaservices.domain.StatusText;
import io.colimaservices.domain.VmPhase;
import io.colimaservices.domain.VmState;
import io.colimaservices.ui.common.Notice;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** The Colima page's socket panel: the Docker socket's path, its diagnosis and its one fix (an action or a command). */
public final class ColimaSocketViewModel {
    public static final String INSTALL_COMMAND = "brew install colima";

    /** How the socket's fix is offered: a button that runs a VM action, or a command to copy and run. */
    public enum FixKind { NONE, ACTION, COMMAND }

    private static final Set<VmPhase> CHANGING = Set.of(VmPhase.STARTING, VmPhase.STOPPING);
    private static final Set<VmPhase> NOT_THERE = Set.of(VmPhase.STOPPED, VmPhase.ABSENT, VmPhase.NOT_INSTALLED);

    private final ColimaViewModel page;
    private final Consumer<String> clipboard;
    private final ReadOnlyStringWrapper socketPath = new ReadOnlyStringWrapper(ColimaViewModel.NONE);
    private final ReadOnlyStringWrapper socketCondition = new ReadOnlyStringWrapper("Not checked yet");
    private final ReadOnlyObjectWrapper<StatusText.Tone> socketTone = new ReadOnlyObjectWrapper<>(StatusText.Tone.OFF);
    private final ReadOnlyStringWrapper socketDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<SocketFix> fix = new ReadOnlyObjectWrapper<>(SocketFix.NONE);
    private final ReadOnlyObjectWrapper<FixKind> fixKind = new ReadOnlyObjectWrapper<>(FixKind.NONE);
    private final ReadOnlyStringWrapper fixLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper fixText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper fixCommand = new ReadOnlyStringWrapper("");

    ColimaSocketViewModel(ColimaViewModel page, Consumer<String> clipboard) {
        this.page = page;
        this.clipboard = clipboard;
    }

    void apply(VmState vm) {
        Optional<SocketDiagnosis> diagnosis = vm.socketDiagnosis();
        socketPath.set(diagnosis.map(SocketDiagnosis::socket).or(vm::socket).orElse(ColimaViewModel.NONE));
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

    // ---- commands ------------------------------------------------------------------------------------------------

    /** The socket's fix: runs the VM action it names, or copies its command. */
    public void applyFix() {
        switch (fix.get()) {
            case START_VM -> page.actions().start();
            case RESTART_VM -> page.actions().restart();
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
        page.action().show(Notice.success("Copied: " + command, ""));
    }

    // ---- properties ----------------------------------------------------------------------------------------------

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
}
