package io.colimaservices.ui.colima;

import io.colimaservices.domain.DockerSocketCheck;
import io.colimaservices.domain.SocketCondition;
import io.colimaservices.domain.SocketDiagnosis;
import io.colimaservices.domain.SocketFix;
import io.colimaservices.domain.UserError;
import io.colimaservices.domain.VmDeletion;
import io.colimaservices.domain.VmPhase;
import io.colimaservices.domain.VmProgress;
import io.colimaservices.domain.VmRuntime;
import io.colimaservices.domain.VmSpec;
import io.colimaservices.domain.VmState;
import io.colimaservices.domain.VmChanges;
import io.colimaservices.usecase.ActionTrace;
import io.colimaservices.usecase.VmUseCase;
import java.util.function.Supplier;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A Colima that answers from memory: start, stop, restart and delete change its state, print the lines the test
 * chose and record how they were called; a test can make the next action fail or watch the app during it. Its
 * {@link #socketCheck()} diagnoses as the test says (by default: answering while running, missing otherwise).
 */
public final class FakeVm implements VmRuntime {
    public static final String SOCKET = "/Users/me/.colima/default/docker.sock";

    public final List<String> calls = new CopyOnWriteArrayList<>();
    public final AtomicReference<VmState> state = new AtomicReference<>(stopped("default"));
    public final AtomicReference<Function<VmState, SocketDiagnosis>> diagnosis = new AtomicReference<>(FakeVm::usual);
    public volatile List<String> output = List.of("INFO starting colima", "INFO runtime: docker", "INFO done");
    public volatile RuntimeException failNext;
    public volatile Runnable during = () -> { };
    /** The next start exits 0 and leaves the VM as it was (seen with a real colima). */
    public volatile boolean startLeavesItStopped;

    public static VmState running(String profile) {
        return new VmState(profile, VmPhase.RUNNING, Optional.of("aarch64"), 4, 8, 60,
                Optional.of("unix://" + SOCKET), Optional.of("192.168.106.2"), Optional.of("docker"), false,
                Optional.empty(), Optional.empty());
    }

    public static VmState stopped(String profile) {
        return new VmState(profile, VmPhase.STOPPED, Optional.of("aarch64"), 4, 8, 60, Optional.empty(),
                Optional.empty(), Optional.empty(), false, Optional.empty(), Optional.empty());
    }

    public static SocketDiagnosis usual(VmState vm) {
        String words = "VM '" + vm.profile() + "' " + vm.phase().label();
        return switch (vm.phase()) {
            case RUNNING -> new SocketDiagnosis(SocketCondition.ANSWERING, SOCKET, "answered GET /_ping",
                    SocketFix.NONE, "");
            case NOT_INSTALLED -> new SocketDiagnosis(SocketCondition.MISSING, SOCKET, "nothing at " + SOCKET + " ("
                    + words + ")", SocketFix.INSTALL_COLIMA, "brew install colima");
            case STOPPED, ABSENT -> new SocketDiagnosis(SocketCondition.MISSING, SOCKET, "nothing at " + SOCKET
                    + " (" + words + ")", SocketFix.START_VM, "colima start --profile " + vm.profile());
            default -> new SocketDiagnosis(SocketCondition.REFUSING, SOCKET, "connection refused (" + words + ")",
                    SocketFix.RESTART_VM, "colima restart --profile " + vm.profile());
        };
    }

    /** The VM's use case over this Colima, changes shown through {@code changes} (the app's watcher). */
    public VmUseCase useCase(VmChanges changes, Supplier<VmSpec> spec) {
        return new VmUseCase(() -> this, this::socketCheck, spec, () -> Optional.of(changes), () -> {
            throw new UnsupportedOperationException("no doctor in page tests");
        }, ActionTrace.NONE);
    }

    public DockerSocketCheck socketCheck() {
        return vm -> diagnosis.get().apply(vm);
    }

    @Override
    public String describeTool() {
        return "colima not found on PATH (/usr/bin:/bin), nor at /opt/homebrew/bin/colima or /usr/local/bin/colima";
    }

    @Override
    public VmState status(String profile) {
        calls.add("status " + profile);
        VmState now = state.get();
        return now.profile().equals(profile) || !now.isInstalled() ? now
                : VmState.of(profile, VmPhase.ABSENT);
    }

    @Override
    public List<VmState> list() {
        return List.of(state.get());
    }

    @Override
    public void start(VmSpec spec, Duration deadline, VmProgress progress) {
        calls.add("start " + spec.profile() + " cpus=" + spec.cpus() + " memory=" + spec.memoryGiB() + " in "
                + deadline);
        if (startLeavesItStopped) {
            startLeavesItStopped = false;
            act(progress, state.get());
            return;
        }
        act(progress, running(spec.profile()));
    }

    @Override
    public void stop(String profile, boolean force, Duration deadline, VmProgress progress) {
        calls.add("stop " + profile + (force ? " --force" : "") + " in " + deadline);
        act(progress, stopped(profile));
    }

    @Override
    public void restart(VmSpec spec, Duration deadline, VmProgress progress) {
        calls.add("restart " + spec.profile() + " cpus=" + spec.cpus() + " in " + deadline);
        act(progress, running(spec.profile()));
    }

    @Override
    public void delete(VmDeletion deletion, Duration deadline, VmProgress progress) {
        calls.add("delete " + deletion.profile() + " in " + deadline);
        act(progress, VmState.of(deletion.profile(), VmPhase.ABSENT));
    }

    private void act(VmProgress progress, VmState after) {
        during.run();
        output.forEach(progress::line);
        RuntimeException failure = failNext;
        if (failure != null) {
            failNext = null;
            throw failure;
        }
        state.set(after);
    }

    public static UserError startFailed() {
        return new UserError(UserError.Kind.VM, "colima start --profile default failed (exit 1): "
                + "error starting vm: exiting, status={Running:false Degraded:false Exiting:true}",
                "the lines above are Colima's own; 'colima start --profile default --verbose' in a terminal "
                        + "tells more");
    }
}
