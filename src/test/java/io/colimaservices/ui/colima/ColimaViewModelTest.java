package io.colimaservices.ui.colima;

import io.colimaservices.domain.SocketCondition;
import io.colimaservices.domain.SocketDiagnosis;
import io.colimaservices.domain.SocketFix;
import io.colimaservices.domain.StackStore;
import io.colimaservices.domain.StatusText;
import io.colimaservices.domain.UserError;
import io.colimaservices.domain.VmPhase;
import io.colimaservices.domain.VmSpec;
import io.colimaservices.domain.VmState;
import io.colimaservices.domain.VmWatcher;
import io.colimaservices.ui.common.UiExecutors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static io.colimaservices.domain.Fixtures.smallStack;
import static io.colimaservices.domain.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Colima page's model without a toolkit: a real {@link VmWatcher} and store over a fake Colima, the UI on the
 * caller's thread, background work either at once or held in a queue to look at the page while it waits.
 */
class ColimaViewModelTest {
    private final FakeVm vm = new FakeVm();
    private final StackStore store = new StackStore(snapshot(smallStack()));
    private final AtomicReference<VmSpec> spec = new AtomicReference<>(VmSpec.defaults());
    private final VmWatcher watcher = new VmWatcher(vm, vm.socketCheck(), store, () -> spec.get().profile());
    private final List<String> copied = new ArrayList<>();
    private final Queue<Runnable> held = new ArrayDeque<>();
    private boolean hold;
    private final Executor background = task -> {
        if (hold) {
            held.add(task);
        } else {
            task.run();
        }
    };
    private final ColimaViewModel model = new ColimaViewModel(UiExecutors.direct(), background, store,
            vm.useCase(watcher, spec::get), copied::add);

    private void runHeld() {
        hold = false;
        while (!held.isEmpty()) {
            held.poll().run();
        }
    }

    private List<String> facts() {
        return model.facts().stream().map(f -> f.label() + ": " + f.value()).toList();
    }

    @Test
    void runningVmShowsItsResourcesAndAnsweringSocket() {
        vm.state.set(FakeVm.running("default"));

        model.shown();

        assertThat(model.profileProperty().get()).isEqualTo("default");
        assertThat(model.phaseProperty().get()).isEqualTo(VmPhase.RUNNING);
        assertThat(model.phaseTextProperty().get()).isEqualTo("Running");
        assertThat(model.toneProperty().get()).isEqualTo(StatusText.Tone.OK);
        assertThat(facts()).containsExactly("Architecture: aarch64", "CPUs: 4", "Memory: 8 GiB", "Disk: 60 GiB",
                "Runtime: docker", "Address: 192.168.106.2", "Kubernetes: off");
        assertThat(model.socket().socketPathProperty().get()).isEqualTo(FakeVm.SOCKET);
        assertThat(model.socket().socketConditionProperty().get()).isEqualTo("Answering");
        assertThat(model.socket().socketToneProperty().get()).isEqualTo(StatusText.Tone.OK);
        assertThat(model.socket().fixKindProperty().get()).isEqualTo(ColimaSocketViewModel.FixKind.NONE);
        assertThat(model.actions().canFixProperty().get()).isFalse();
        assertThat(model.actions().canStartProperty().get()).isFalse();
        assertThat(model.actions().canStopProperty().get()).isTrue();
        assertThat(model.actions().canRestartProperty().get()).isTrue();
        assertThat(model.deletion().canDeleteProperty().get()).isTrue();
        assertThat(model.notInstalledProperty().get()).isFalse();
        assertThat(model.stateErrorProperty().get()).isEmpty();
    }

    @Test
    void followsTheStoreLiveWhateverChangesIt() {
        assertThat(model.phaseTextProperty().get()).isEqualTo("State unknown");

        store.update(s -> s.withVm(FakeVm.running("default").withPhase(VmPhase.STOPPING)));
        assertThat(model.phaseTextProperty().get()).isEqualTo("Stopping\u2026");
        assertThat(model.actions().changingProperty().get()).as("spinner for a change the menu started").isTrue();
        assertThat(model.actions().canStartProperty().get()).isFalse();
        assertThat(model.actions().canStopProperty().get()).isFalse();
        assertThat(model.deletion().canDeleteProperty().get()).isFalse();

        store.update(s -> s.withVm(FakeVm.stopped("default")));
        assertThat(model.phaseTextProperty().get()).isEqualTo("Stopped");
        assertThat(model.actions().changingProperty().get()).isFalse();
        assertThat(model.actions().canStartProperty().get()).isTrue();
        assertThat(model.actions().canStopProperty().get()).isFalse();
        assertThat(model.actions().canRestartProperty().get()).isFalse();
        assertThat(model.deletion().canDeleteProperty().get()).isTrue();
    }

    @Test
    void stoppedVmShowsWhatTheListKnowsAndNothingItCannot() {
        model.shown();

        assertThat(model.phaseTextProperty().get()).isEqualTo("Stopped");
        assertThat(model.toneProperty().get()).isEqualTo(StatusText.Tone.OFF);
        assertThat(facts()).containsExactly("Architecture: aarch64", "CPUs: 4", "Memory: 8 GiB", "Disk: 60 GiB",
                "Runtime: \u2014", "Address: \u2014", "Kubernetes: \u2014");
        assertThat(model.socket().socketToneProperty().get()).as("no socket is expected of a stopped VM")
                .isEqualTo(StatusText.Tone.OFF);
    }

    @Test
    void absentVmCanBeStartedButNotDeleted() {
        vm.state.set(VmState.of("default", VmPhase.ABSENT));

        model.shown();

        assertThat(model.phaseTextProperty().get()).isEqualTo("Not created yet");
        assertThat(facts()).allMatch(f -> f.endsWith("\u2014"));
        assertThat(model.actions().canStartProperty().get()).isTrue();
        assertThat(model.deletion().canDeleteProperty().get()).isFalse();
        model.deletion().requestDelete();
        assertThat(model.deletion().confirmingDeleteProperty().get()).isFalse();
    }

    @Test
    void unknownStateShowsColimasWordsAndStillOffersEveryAction() {
        vm.state.set(VmState.failed("default", "colima status --profile default --json did not finish within 30s; "
                + "it was killed"));

        model.shown();

        assertThat(model.phaseTextProperty().get()).isEqualTo("State unknown");
        assertThat(model.toneProperty().get()).isEqualTo(StatusText.Tone.BAD);
        assertThat(model.stateErrorProperty().get()).contains("did not finish within 30s");
        assertThat(model.actions().canStartProperty().get()).isTrue();
        assertThat(model.actions().canStopProperty().get()).isTrue();
        assertThat(model.actions().canRestartProperty().get()).isTrue();
        assertThat(model.deletion().canDeleteProperty().get()).isTrue();
    }

    @Test
    void notInstalledShowsTheInstallHintAndWhereColimaWasLookedFor() {
        vm.state.set(VmState.of("default", VmPhase.NOT_INSTALLED));

        model.shown();

        assertThat(model.notInstalledProperty().get()).isTrue();
        assertThat(model.phaseTextProperty().get()).isEqualTo("Colima is not installed");
        assertThat(model.toolDescriptionProperty().get()).startsWith("colima not found on PATH");
        assertThat(model.actions().canStartProperty().get()).isFalse();
        assertThat(model.actions().canStopProperty().get()).isFalse();
        assertThat(model.deletion().canDeleteProperty().get()).isFalse();
        assertThat(model.socket().fixKindProperty().get()).isEqualTo(ColimaSocketViewModel.FixKind.COMMAND);

        model.socket().copyInstallCommand();
        model.actions().start();

        assertThat(copied).containsExactly("brew install colima");
        assertThat(model.action().noticeProperty().get().title()).isEqualTo("Copied: brew install colima");
        assertThat(vm.calls).noneMatch(c -> c.startsWith("start"));
    }

    @Test
    void startShowsStartingMeanwhileStreamsTheOutputAndEndsRunning() {
        model.shown();
        List<String> seenDuring = new ArrayList<>();
        vm.during = () -> {
            seenDuring.add(store.current().vm().phase().label());
            seenDuring.add(model.phaseTextProperty().get());
            seenDuring.add("changing=" + model.actions().changingProperty().get());
            seenDuring.add("canStop=" + model.actions().canStopProperty().get());
        };
        spec.set(VmSpec.defaults().withCpus(6));

        model.actions().start();

        assertThat(seenDuring).containsExactly("starting", "Starting\u2026", "changing=true", "canStop=false");
        assertThat(vm.calls).contains("start default cpus=6 memory=8 in PT15M");
        assertThat(model.actions().lines()).containsExactly("INFO starting colima", "INFO runtime: docker", "INFO done");
        assertThat(model.phaseTextProperty().get()).isEqualTo("Running");
        assertThat(model.actions().statusLineProperty().get()).isEqualTo("VM default started");
        assertThat(model.action().busyProperty().get()).isFalse();
        assertThat(model.actions().changingProperty().get()).isFalse();
        assertThat(failure().message()).isEmpty();
    }

    @Test
    void whileAnActionRunsTheOthersWaitAndASecondClickDoesNothing() {
        model.shown();
        hold = true;

        model.actions().start();
        model.actions().start();
        model.actions().restart();

        assertThat(model.action().busyProperty().get()).isTrue();
        assertThat(model.actions().changingProperty().get()).isTrue();
        assertThat(model.actions().statusLineProperty().get()).isEqualTo("Starting VM default\u2026");
        assertThat(model.actions().canStartProperty().get()).isFalse();
        assertThat(model.deletion().canDeleteProperty().get()).isFalse();
        assertThat(held).hasSize(1);
        runHeld();
        assertThat(vm.calls).filteredOn(c -> !c.startsWith("status")).hasSize(1);
        assertThat(model.action().busyProperty().get()).isFalse();
    }

    @Test
    void aStartThatExitsZeroWithTheVmStillStoppedIsNotCalledStarted() {
        model.shown();
        vm.startLeavesItStopped = true;

        model.actions().start();

        assertThat(model.actions().statusLineProperty().get()).isNotEqualTo("VM default started");
        assertThat(failure().message()).isEqualTo("colima start --profile default ended, but colima status "
                + "says VM default is stopped");
        assertThat(model.phaseTextProperty().get()).isEqualTo("Stopped");
        assertThat(vm.calls).contains("status default");
    }

    @Test
    void aFailedStartShowsTheMessageAndHintKeepsTheOutputAndReadsTheVmAgain() {
        model.shown();
        vm.failNext = FakeVm.startFailed();

        model.actions().start();

        assertThat(failure().title()).isEqualTo("Starting failed");
        assertThat(failure().message()).isEqualTo("colima start --profile default failed (exit 1): "
                + "error starting vm: exiting, status={Running:false Degraded:false Exiting:true}");
        assertThat(failure().hint()).startsWith("the lines above are Colima's own");
        assertThat(model.actions().statusLineProperty().get()).isEqualTo("Starting failed");
        assertThat(model.actions().lines()).containsExactly("INFO starting colima", "INFO runtime: docker", "INFO done");
        assertThat(model.phaseTextProperty().get()).as("read again after the failure").isEqualTo("Stopped");
        assertThat(model.action().busyProperty().get()).isFalse();
        assertThat(model.actions().canStartProperty().get()).isTrue();

        model.actions().start();
        assertThat(failure().message()).as("cleared by the next action").isEmpty();
        assertThat(failure().title()).isEmpty();
        assertThat(model.phaseTextProperty().get()).isEqualTo("Running");
    }

    @Test
    void anUnexpectedExceptionIsShownAsWordsNeverAStackTrace() {
        model.shown();
        vm.failNext = new IllegalStateException("pipe closed");

        model.actions().start();

        assertThat(failure().message()).isEqualTo("Starting VM default failed: pipe closed");
        assertThat(failure().message()).doesNotContain("Exception", "\tat ");
        assertThat(model.action().busyProperty().get()).isFalse();
    }

    @Test
    void progressKeepsTheNewestLinesAtTheBottomAndNoMoreThanTheBound() {
        model.shown();
        vm.output = IntStream.range(0, 1000).mapToObj(i -> "line " + i).toList();

        model.actions().start();

        assertThat(model.actions().lines()).hasSize(ColimaViewModel.MAX_LINES);
        assertThat(model.actions().lines().getFirst()).isEqualTo("line 700");
        assertThat(model.actions().lines().getLast()).isEqualTo("line 999");

        vm.output = List.of("x".repeat(5000));
        model.actions().restart();
        assertThat(model.actions().lines()).as("a new action starts a fresh list").hasSize(1);
        assertThat(model.actions().lines().getFirst()).hasSize(ColimaActionsViewModel.MAX_LINE_LENGTH + 1).endsWith("\u2026");
    }

    @Test
    void linesArrivingInABurstReachTheUiInOneBatchInOrder() {
        List<Runnable> uiQueue = new ArrayList<>();
        ColimaViewModel queued = new ColimaViewModel(uiQueue::add, Runnable::run, store,
                vm.useCase(watcher, spec::get), copied::add);
        uiQueue.clear();
        vm.output = IntStream.range(0, 50).mapToObj(i -> "line " + i).toList();

        queued.actions().start();
        // The background ran at once; what it handed to the UI waits in the queue: the output as one batch.
        assertThat(uiQueue.size()).isLessThan(10);
        while (!uiQueue.isEmpty()) {
            uiQueue.removeFirst().run();
        }

        assertThat(queued.actions().lines()).hasSize(50).startsWith("line 0").endsWith("line 49");
    }

    @Test
    void stopRunsAGracefulStopWithItsDeadlineAndShowsStoppingMeanwhile() {
        vm.state.set(FakeVm.running("default"));
        model.shown();
        List<String> seen = new ArrayList<>();
        vm.during = () -> seen.add(model.phaseTextProperty().get());

        model.actions().stop();

        assertThat(seen).containsExactly("Stopping\u2026");
        assertThat(vm.calls).contains("stop default in PT2M");
        assertThat(model.phaseTextProperty().get()).isEqualTo("Stopped");
        assertThat(model.actions().statusLineProperty().get()).isEqualTo("VM default stopped");
    }

    @Test
    void restartUsesTheSettingsAsTheyAreNow() {
        vm.state.set(FakeVm.running("default"));
        model.shown();
        spec.set(VmSpec.defaults().withCpus(8));

        model.actions().restart();

        assertThat(vm.calls).contains("restart default cpus=8 in PT15M");
        assertThat(model.actions().statusLineProperty().get()).isEqualTo("VM default restarted");
    }

    @Test
    void deleteNeedsTheProfileTypedOut() {
        model.shown();

        model.deletion().requestDelete();
        assertThat(model.deletion().confirmingDeleteProperty().get()).isTrue();
        assertThat(model.deletion().deleteAllowedProperty().get()).isFalse();

        model.deletion().deleteConfirmationProperty().set("defaul");
        assertThat(model.deletion().deleteAllowedProperty().get()).isFalse();
        model.deletion().confirmDelete();
        assertThat(vm.calls).noneMatch(c -> c.startsWith("delete"));
        assertThat(failure().message()).isEqualTo("not deleting VM 'default': the confirmation typed was "
                + "'defaul', not the profile's name");
        assertThat(failure().hint()).isEqualTo("type the profile name exactly: default");
        assertThat(failure().title()).isEqualTo("VM not deleted");
        assertThat(model.deletion().confirmingDeleteProperty().get()).as("still asking").isTrue();

        model.deletion().deleteConfirmationProperty().set(" default ");
        assertThat(model.deletion().deleteAllowedProperty().get()).isTrue();
        model.deletion().confirmDelete();

        assertThat(vm.calls).contains("delete default in PT5M");
        assertThat(model.deletion().confirmingDeleteProperty().get()).isFalse();
        assertThat(model.deletion().deleteConfirmationProperty().get()).isEmpty();
        assertThat(model.phaseTextProperty().get()).isEqualTo("Not created yet");
        assertThat(model.actions().statusLineProperty().get()).isEqualTo("VM default deleted");
        assertThat(failure().message()).isEmpty();
    }

    @Test
    void cancellingTheDeleteForgetsWhatWasTyped() {
        model.shown();
        model.deletion().requestDelete();
        model.deletion().deleteConfirmationProperty().set("default");

        model.deletion().cancelDelete();
        model.deletion().confirmDelete();

        assertThat(model.deletion().confirmingDeleteProperty().get()).isFalse();
        assertThat(model.deletion().deleteConfirmationProperty().get()).isEmpty();
        assertThat(vm.calls).noneMatch(c -> c.startsWith("delete"));
    }

    @Test
    void aChangeThatBeginsElsewhereClosesAnOpenDeleteConfirmation() {
        model.shown();
        model.deletion().requestDelete();

        store.update(s -> s.withVm(s.vm().withPhase(VmPhase.STARTING)));

        assertThat(model.deletion().confirmingDeleteProperty().get()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(SocketCondition.class)
    void everySocketConditionReadsInWordsWithItsOneFix(SocketCondition condition) {
        VmPhase phase = switch (condition) {
            case ANSWERING, DOCKER_HOST_ELSEWHERE, CONTEXT_ELSEWHERE, REFUSING, NOT_ANSWERING -> VmPhase.RUNNING;
            default -> VmPhase.STOPPED;
        };
        SocketDiagnosis d = diagnosis(condition, phase);
        vm.state.set(phase == VmPhase.RUNNING ? FakeVm.running("default") : FakeVm.stopped("default"));
        vm.diagnosis.set(state -> d);

        model.shown();

        assertThat(model.socket().socketConditionProperty().get()).isEqualTo(switch (condition) {
            case ANSWERING -> "Answering";
            case MISSING -> "Missing";
            case DANGLING_LINK -> "Dangling link";
            case NOT_A_SOCKET -> "Not a socket";
            case REFUSING -> "Refusing connections";
            case NOT_ANSWERING -> "Not answering";
            case DOCKER_HOST_ELSEWHERE -> "DOCKER_HOST points elsewhere";
            case CONTEXT_ELSEWHERE -> "Docker context points elsewhere";
        });
        assertThat(model.socket().socketDetailProperty().get()).isEqualTo(d.detail());
        assertThat(model.socket().fixProperty().get()).isEqualTo(d.fix());
        assertThat(model.socket().socketToneProperty().get()).isEqualTo(switch (condition) {
            case ANSWERING -> StatusText.Tone.OK;
            case DOCKER_HOST_ELSEWHERE, CONTEXT_ELSEWHERE -> StatusText.Tone.WARN;
            case REFUSING, NOT_ANSWERING -> StatusText.Tone.BAD;
            default -> StatusText.Tone.OFF;
        });

        model.socket().applyFix();

        switch (d.fix()) {
            case NONE -> {
                assertThat(model.socket().fixKindProperty().get()).isEqualTo(ColimaSocketViewModel.FixKind.NONE);
                assertThat(vm.calls).filteredOn(c -> !c.startsWith("status")).isEmpty();
                assertThat(copied).isEmpty();
            }
            case START_VM -> {
                assertThat(model.socket().fixKindProperty().get()).isEqualTo(ColimaSocketViewModel.FixKind.ACTION);
                assertThat(model.socket().fixLabelProperty().get()).isEqualTo("Start VM");
                assertThat(vm.calls).contains("start default cpus=4 memory=8 in PT15M");
                assertThat(copied).isEmpty();
            }
            case RESTART_VM -> {
                assertThat(model.socket().fixKindProperty().get()).isEqualTo(ColimaSocketViewModel.FixKind.ACTION);
                assertThat(model.socket().fixLabelProperty().get()).isEqualTo("Restart VM");
                assertThat(vm.calls).contains("restart default cpus=4 in PT15M");
                assertThat(copied).isEmpty();
            }
            case FIX_DOCKER_HOST -> {
                assertThat(model.socket().fixKindProperty().get()).isEqualTo(ColimaSocketViewModel.FixKind.COMMAND);
                assertThat(model.socket().fixTextProperty().get()).endsWith("(or unset DOCKER_HOST to use the docker context)");
                assertThat(copied).containsExactly("export DOCKER_HOST=unix://" + FakeVm.SOCKET);
                assertThat(vm.calls).filteredOn(c -> !c.startsWith("status")).isEmpty();
            }
            case USE_COLIMA_CONTEXT -> {
                assertThat(model.socket().fixKindProperty().get()).isEqualTo(ColimaSocketViewModel.FixKind.COMMAND);
                assertThat(copied).containsExactly("docker context use colima");
                assertThat(vm.calls).filteredOn(c -> !c.startsWith("status")).isEmpty();
            }
            case INSTALL_COLIMA -> throw new AssertionError("not produced for an installed Colima");
        }
    }

    @Test
    void installFixCopiesTheHomebrewCommand() {
        vm.state.set(VmState.of("default", VmPhase.NOT_INSTALLED));
        model.shown();

        model.socket().applyFix();

        assertThat(model.socket().fixProperty().get()).isEqualTo(SocketFix.INSTALL_COLIMA);
        assertThat(copied).containsExactly("brew install colima");
    }

    @Test
    void aVmFixWaitsWhileTheVmChanges() {
        vm.state.set(FakeVm.running("default"));
        vm.diagnosis.set(state -> diagnosis(SocketCondition.REFUSING, VmPhase.RUNNING));
        model.shown();
        assertThat(model.actions().canFixProperty().get()).isTrue();

        store.update(s -> s.withVm(s.vm().withPhase(VmPhase.STOPPING)));
        model.socket().applyFix();

        assertThat(model.actions().canFixProperty().get()).isFalse();
        assertThat(vm.calls).noneMatch(c -> c.startsWith("restart"));
    }

    @Test
    void aRefreshReadsTheConfiguredProfile() {
        spec.set(VmSpec.defaults().withProfile("work"));

        model.refresh();

        assertThat(vm.calls).containsExactly("status work");
        assertThat(model.profileProperty().get()).isEqualTo("work");
        assertThat(model.phaseTextProperty().get()).isEqualTo("Not created yet");
    }

    @Test
    void commandOfKeepsOnlyWhatRunsInATerminal() {
        assertThat(ColimaSocketViewModel.commandOf("export DOCKER_HOST=unix:///s.sock   (or unset DOCKER_HOST to use the "
                + "docker context)")).isEqualTo("export DOCKER_HOST=unix:///s.sock");
        assertThat(ColimaSocketViewModel.commandOf("docker context use colima-work"))
                .isEqualTo("docker context use colima-work");
        assertThat(ColimaSocketViewModel.commandOf("")).isEmpty();
        assertThat(ColimaViewModel.gib(7.5)).isEqualTo("7.50 GiB");
    }

    @Test
    void userErrorFromTheRuntimeDuringStopIsShownWithItsHint() {
        vm.state.set(FakeVm.running("default"));
        model.shown();
        vm.failNext = new UserError(UserError.Kind.VM, "colima stop --profile default --force did not finish within "
                + "2m; it was killed", "the VM's processes may be stuck: 'limactl list' shows them");

        model.actions().stop();

        assertThat(failure().message()).contains("did not finish within 2m");
        assertThat(failure().hint()).contains("limactl list");
        assertThat(model.actions().statusLineProperty().get()).isEqualTo("Stopping failed");
    }

    private static SocketDiagnosis diagnosis(SocketCondition condition, VmPhase phase) {
        String s = FakeVm.SOCKET;
        return switch (condition) {
            case ANSWERING -> new SocketDiagnosis(condition, s, "answered GET /_ping", SocketFix.NONE, "");
            case DOCKER_HOST_ELSEWHERE -> new SocketDiagnosis(condition, s, "DOCKER_HOST is tcp://10.0.0.5:2375, not "
                    + "Colima's unix://" + s, SocketFix.FIX_DOCKER_HOST, "export DOCKER_HOST=unix://" + s
                    + "   (or unset DOCKER_HOST to use the docker context)");
            case CONTEXT_ELSEWHERE -> new SocketDiagnosis(condition, s, "the docker CLI's current context is "
                    + "'desktop-linux'", SocketFix.USE_COLIMA_CONTEXT, "docker context use colima");
            default -> phase == VmPhase.RUNNING
                    ? new SocketDiagnosis(condition, s, condition.label() + " at " + s + " (VM 'default' running)",
                    SocketFix.RESTART_VM, "colima restart --profile default")
                    : new SocketDiagnosis(condition, s, condition.label() + " at " + s + " (VM 'default' stopped)",
                    SocketFix.START_VM, "colima start --profile default");
        };
    }

    /** The page's failure in its parts: title, message, hint. */
    private io.colimaservices.ui.common.FailureParts failure() {
        return io.colimaservices.ui.common.FailureParts.of(model.action());
    }
}
