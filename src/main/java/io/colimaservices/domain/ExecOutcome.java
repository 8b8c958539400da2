package io.colimaservices.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * How an exec ended: the process's exit code, or, when it never started, the engine's reason (the code is then
 * the engine's own, 126 or 127, or 128 for anything else).
 *
 * @param startFailure the engine's message when the program could not be started (not found, not executable)
 */
public record ExecOutcome(int exitCode, Optional<String> startFailure) {
    public ExecOutcome {
        Objects.requireNonNull(startFailure, "startFailure");
    }

    public static ExecOutcome exited(int exitCode) {
        return new ExecOutcome(exitCode, Optional.empty());
    }

    public boolean started() {
        return startFailure.isEmpty();
    }
}
