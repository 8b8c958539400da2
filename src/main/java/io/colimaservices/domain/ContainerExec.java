package io.colimaservices.domain;

/**
 * Runs processes in running containers ({@code docker exec}). Every request to the engine has a deadline except
 * the exec's own streams, which last as long as the process. Failures are {@link UserError}s:
 * {@link UserError.Kind#DOCKER_UNREACHABLE} naming the host when the engine cannot be reached, and
 * {@link UserError.Kind#SERVICE_FAILED} when the container is gone or not running.
 */
public interface ContainerExec {

    /** The project's container for {@code service}. */
    ExecTarget locate(String project, String service);

    /**
     * Starts {@code request} in the container and returns at once; output flows to {@code io} on the exec's own
     * virtual threads.
     */
    ExecProcess start(String containerId, ExecRequest request, ExecIo io);
}
