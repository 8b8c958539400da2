package io.colimaservices.domain;

import java.time.Duration;
import java.util.List;

/**
 * The Colima VM, as the app drives it. Every call has a deadline; a call that outlives it is killed with its
 * whole process tree and reported as a {@link UserError} of kind {@link UserError.Kind#VM} naming the command
 * and the deadline.
 */
public interface VmRuntime {
    /** Long enough for a first start that downloads the VM image on a slow line. */
    Duration START_DEADLINE = Duration.ofMinutes(15);
    /** A graceful stop; after it, the stop is retried with {@code --force}. */
    Duration STOP_DEADLINE = Duration.ofMinutes(2);
    Duration DELETE_DEADLINE = Duration.ofMinutes(5);

    /** The executable in use and how it was found, or where it was looked for; for diagnostics. */
    String describeTool();

    /**
     * The profile's VM. Never throws: not installed, absent and stopped are phases; a tool that fails or prints
     * something unreadable gives {@link VmPhase#UNKNOWN} with the reason in {@link VmState#error()}.
     */
    VmState status(String profile);

    /** Every profile Colima knows. @throws UserError of kind VM when the tool fails */
    List<VmState> list();

    /** Starts (creating if needed) the VM with the spec, streaming the tool's output. */
    void start(VmSpec spec, Duration deadline, VmProgress progress);

    /**
     * Stops the VM gracefully; if that outlives {@code deadline} (or {@code force} is set) stops it with
     * {@code --force}, which skips the runtime's shutdown.
     */
    void stop(String profile, boolean force, Duration deadline, VmProgress progress);

    /** Stops, then starts with {@code spec}, so changed resources take effect. */
    void restart(VmSpec spec, Duration deadline, VmProgress progress);

    /** Deletes the VM and everything in it; the user has typed its name. */
    void delete(VmDeletion deletion, Duration deadline, VmProgress progress);
}
