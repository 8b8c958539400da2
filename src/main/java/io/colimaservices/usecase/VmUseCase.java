package io.colimaservices.usecase;

import io.colimaservices.domain.DockerEndpoint;
import io.colimaservices.domain.DockerSocketCheck;
import io.colimaservices.domain.LoadedSettings;
import io.colimaservices.domain.NativePlatform;
import io.colimaservices.domain.VmAdvice;
import io.colimaservices.domain.VmChanges;
import io.colimaservices.domain.VmDeletion;
import io.colimaservices.domain.UserError;
import io.colimaservices.domain.VmPhase;
import io.colimaservices.domain.VmProgress;
import io.colimaservices.domain.VmRuntime;
import io.colimaservices.domain.VmSpec;
import io.colimaservices.domain.VmState;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Colima VM for both faces ({@code vm status|start|stop|restart|delete|doctor}, the Colima page, the menu's
 * "Start VM"/"Stop VM", the start at launch): Colima's work through the {@link VmRuntime} port; when the app has a
 * VM watcher ({@link VmChanges}), every change runs through it, so the whole app shows starting or stopping
 * meanwhile and reads the VM again after. Each change leaves a trace line.
 */
public final class VmUseCase {
    private final Supplier<VmRuntime> runtime;
    private final Supplier<DockerSocketCheck> socketCheck;
    private final Supplier<VmSpec> settingsSpec;
    private final Supplier<Optional<VmChanges>> changes;
    private final Supplier<Machine> machine;
    private final ActionTrace trace;

    /** What {@code vm doctor} looks at besides the VM: the machine, the settings, the Docker host. */
    public record Machine(NativePlatform platform, Path settingsFile, LoadedSettings settings,
                          DockerEndpoint dockerHost) {
    }

    /** Everything between the user and a working Docker socket, for {@code vm doctor}. */
    public record Doctor(NativePlatform platform, String colima, Path settingsFile, List<String> settingsProblems,
                         VmState vm, DockerEndpoint dockerHost, List<String> warnings) {
        public Doctor {
            settingsProblems = List.copyOf(settingsProblems);
            warnings = List.copyOf(warnings);
        }

        public boolean socketUsable() {
            return vm.socketDiagnosis().map(d -> d.healthy()).orElse(false);
        }
    }

    /**
     * @param runtime      Colima (asking for it may fail: a {@code --colima} that is no executable)
     * @param settingsSpec the VM the settings describe
     * @param changes      the app's VM watcher, when there is one
     */
    public VmUseCase(Supplier<VmRuntime> runtime, Supplier<DockerSocketCheck> socketCheck,
                     Supplier<VmSpec> settingsSpec, Supplier<Optional<VmChanges>> changes, Supplier<Machine> machine,
                     ActionTrace trace) {
        this.runtime = runtime;
        this.socketCheck = socketCheck;
        this.settingsSpec = settingsSpec;
        this.changes = changes;
        this.machine = machine;
        this.trace = trace;
    }

    /** The settings' VM, or its resources under another profile. */
    public VmSpec spec(Optional<String> profile) {
        VmSpec settings = settingsSpec.get();
        return profile.map(p -> settings.withProfile(VmSpec.requireProfile(p))).orElse(settings);
    }

    /** The profile's VM with a diagnosis of its Docker socket. Never throws for the VM's own state. */
    public VmState status(String profile) {
        VmState state = runtime.get().status(profile);
        return state.withSocketDiagnosis(socketCheck.get().diagnose(state));
    }

    /** The executable in use and how it was found, or where it was looked for. */
    public String describeTool() {
        return runtime.get().describeTool();
    }

    /** Reads the VM again into the app's store (a page came on screen); nothing without a watcher. */
    public void refresh() {
        changes.get().ifPresent(VmChanges::refresh);
    }

    /** Starts (or creates) the VM with {@code spec}, Colima's output as progress. */
    public void start(VmSpec spec, Duration timeout, VmProgress progress) {
        change("vm start " + spec.profile(), VmPhase.STARTING, () -> {
            runtime.get().start(spec, timeout, progress);
            confirmRunning(spec.profile(), "start");
        }, "started");
    }

    /** Starts the settings' VM (the menu, the start at launch). */
    public void startFromSettings(VmProgress progress) {
        start(settingsSpec.get(), VmRuntime.START_DEADLINE, progress);
    }

    /** Stops gracefully, forced after {@code timeout} (at once with {@code force}). */
    public void stop(String profile, boolean force, Duration timeout, VmProgress progress) {
        change("vm stop " + profile + (force ? " --force" : ""), VmPhase.STOPPING,
                () -> runtime.get().stop(profile, force, timeout, progress), "stopped");
    }

    /** Stops the settings' VM gracefully (the menu). */
    public void stopFromSettings(VmProgress progress) {
        stop(settingsSpec.get().profile(), false, VmRuntime.STOP_DEADLINE, progress);
    }

    /** Stops and starts with {@code spec}, so changed resources apply and a stale socket is made again. */
    public void restart(VmSpec spec, Duration timeout, VmProgress progress) {
        change("vm restart " + spec.profile(), VmPhase.STARTING, () -> {
            runtime.get().restart(spec, timeout, progress);
            confirmRunning(spec.profile(), "restart");
        }, "restarted");
    }

    /** Deletes the VM with everything in it; {@code deletion} proves the profile's name was typed. */
    public void delete(VmDeletion deletion, Duration timeout, VmProgress progress) {
        change("vm delete " + deletion.profile(), VmPhase.STOPPING,
                () -> runtime.get().delete(deletion, timeout, progress), "deleted");
    }

    public Doctor doctor(VmSpec chosen) {
        Machine m = machine.get();
        VmState state = status(chosen.profile());
        return new Doctor(m.platform(), describeTool(), m.settingsFile(), m.settings().problems(), state,
                m.dockerHost(), VmAdvice.warnings(m.platform(), chosen));
    }

    /**
     * {@code colima start} can exit 0 with the VM still stopped: a start is said to be done only once
     * {@code colima status} says the VM runs.
     */
    private void confirmRunning(String profile, String verb) {
        VmState after = runtime.get().status(profile);
        if (after.phase() != VmPhase.RUNNING) {
            throw new UserError(UserError.Kind.VM, "colima " + verb + " --profile " + profile + " ended, but "
                    + "colima status says VM " + profile + " is " + after.phase().label(),
                    "'colima start --profile " + profile + " --verbose' in a terminal tells more");
        }
    }

    private void change(String action, VmPhase during, Runnable work, String outcome) {
        Optional<VmChanges> watcher = changes.get();
        trace.run(action, () -> watcher.ifPresentOrElse(w -> w.whileChanging(during, work), work), outcome);
    }
}
