package io.colimaservices.domain;

import java.util.Objects;

/**
 * One finding about the Colima profile's Docker socket: what is wrong (or that nothing is), in words that name
 * the path, and the one action that fixes it.
 *
 * @param socket the socket examined, e.g. {@code /Users/me/.colima/default/docker.sock}
 * @param detail what was found, for a person (names paths, targets, the variable or context at fault)
 * @param fixText the fix as a person would do it by hand (a command to run), empty when there is nothing to fix
 */
public record SocketDiagnosis(SocketCondition condition, String socket, String detail, SocketFix fix,
                              String fixText) {
    public SocketDiagnosis {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(socket, "socket");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(fix, "fix");
        Objects.requireNonNull(fixText, "fixText");
    }

    public boolean healthy() {
        return condition == SocketCondition.ANSWERING;
    }
}
