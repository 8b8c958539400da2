package io.colimaservices.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * The Colima VM of one profile, from {@code colima status --json} (or {@code colima list --json} when stopped),
 * with what was found at its Docker socket.
 *
 * @param memoryGiB and {@code diskGiB}: from the byte counts Colima reports; 0 when unknown
 * @param socket the Docker socket as Colima reports it ({@code unix:///...}), only while running
 * @param error why the state could not be read (phase {@link VmPhase#UNKNOWN}), for a person
 * @param socketDiagnosis what the last look at the Docker socket found; empty until one was taken
 */
public record VmState(
        String profile,
        VmPhase phase,
        Optional<String> arch,
        int cpus,
        double memoryGiB,
        double diskGiB,
        Optional<String> socket,
        Optional<String> address,
        Optional<String> runtime,
        boolean kubernetes,
        Optional<String> error,
        Optional<SocketDiagnosis> socketDiagnosis) {

    public VmState {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(socket, "socket");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(socketDiagnosis, "socketDiagnosis");
    }

    public static VmState of(String profile, VmPhase phase) {
        return new VmState(profile, phase, Optional.empty(), 0, 0, 0, Optional.empty(), Optional.empty(),
                Optional.empty(), false, Optional.empty(), Optional.empty());
    }

    public static VmState unknown(String profile) {
        return of(profile, VmPhase.UNKNOWN);
    }

    /** The state could not be read; {@code reason} says why, naming the command. */
    public static VmState failed(String profile, String reason) {
        return of(profile, VmPhase.UNKNOWN).withError(reason);
    }

    public boolean isRunning() {
        return phase == VmPhase.RUNNING;
    }

    public boolean isInstalled() {
        return phase != VmPhase.NOT_INSTALLED;
    }

    public VmState withPhase(VmPhase newPhase) {
        return new VmState(profile, newPhase, arch, cpus, memoryGiB, diskGiB, socket, address, runtime, kubernetes,
                error, socketDiagnosis);
    }

    public VmState withError(String reason) {
        return new VmState(profile, phase, arch, cpus, memoryGiB, diskGiB, socket, address, runtime, kubernetes,
                Optional.ofNullable(reason), socketDiagnosis);
    }

    public VmState withSocketDiagnosis(SocketDiagnosis diagnosis) {
        return new VmState(profile, phase, arch, cpus, memoryGiB, diskGiB, socket, address, runtime, kubernetes,
                error, Optional.ofNullable(diagnosis));
    }
}
