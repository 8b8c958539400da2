package io.colimaservices.domain;

import java.util.Objects;
import java.util.Optional;

/** The Colima VM of one profile, from {@code colima status --json}. */
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
        Optional<String> error) {

    public VmState {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(socket, "socket");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(error, "error");
    }

    public static VmState of(String profile, VmPhase phase) {
        return new VmState(profile, phase, Optional.empty(), 0, 0, 0, Optional.empty(), Optional.empty(),
                Optional.empty(), false, Optional.empty());
    }

    public static VmState unknown(String profile) {
        return of(profile, VmPhase.UNKNOWN);
    }

    public boolean isRunning() {
        return phase == VmPhase.RUNNING;
    }
}
