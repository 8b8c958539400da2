package io.colimaservices.domain;

import java.util.Locale;

/** What was found at the Colima profile's Docker socket, and whether Docker clients are pointed at it. */
public enum SocketCondition {
    /** The socket answered {@code GET /_ping}, and nothing points Docker clients elsewhere. */
    ANSWERING,
    /** Nothing at the socket's path. */
    MISSING,
    /** A symbolic link whose target does not exist (a stopped Colima leaves these behind). */
    DANGLING_LINK,
    /** Something at the path that is not a socket (a file or directory). */
    NOT_A_SOCKET,
    /** A socket file nobody listens on: a stale socket left by a VM that went away. */
    REFUSING,
    /** Accepts connections but does not answer as Docker in time (a hung daemon or port forwarder). */
    NOT_ANSWERING,
    /** {@code DOCKER_HOST} is set to another engine than the running Colima's socket. */
    DOCKER_HOST_ELSEWHERE,
    /** The docker CLI's current context points at another engine than the running Colima's socket. */
    CONTEXT_ELSEWHERE;

    /** {@code dangling-link}, {@code docker-host-elsewhere}, ... as the CLI prints it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
