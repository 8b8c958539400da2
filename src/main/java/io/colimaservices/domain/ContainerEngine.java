package io.colimaservices.domain;

import java.time.Duration;
import java.util.List;

/**
 * The Docker engine, as the app needs it. Implementations give every request a deadline and map every failure to
 * a {@link UserError}: {@link UserError.Kind#DOCKER_UNREACHABLE} naming the host when the engine cannot be reached.
 * Streams run on their own virtual threads until closed or ended.
 */
public interface ContainerEngine extends AutoCloseable {

    /** The address in use, e.g. {@code unix:///var/run/docker.sock}. */
    String host();

    /** Asks the engine for its version; never throws: an unreachable engine is a value. */
    EngineInfo ping();

    /** One status per compose service of the project that has a container (one-off containers are left out). */
    List<ServiceStatus> listProject(String project);

    /**
     * One container as it is now, asked directly (not from the store): what a restart compares the start that follows
     * its stop with.
     *
     * @throws UserError when the container no longer exists or the engine does not answer
     */
    ServiceStatus inspect(String service, String containerId);

    /**
     * The daemon's own clock now (its {@code SystemTime}). Container times ({@code StartedAt}, event times) are
     * read on that clock, which can be minutes away from the host's (a VM's clock lags after sleep): they are
     * compared only with each other or with this, never with the host's clock.
     */
    java.time.Instant daemonTime();

    /** Follows the project's container events until closed. */
    Subscription subscribeEvents(String project, EngineEventListener listener);

    void start(String containerId);

    /** Stops with a grace period (SIGTERM, then SIGKILL after {@code grace}). */
    void stop(String containerId, Duration grace);

    void restart(String containerId, Duration grace);

    /** One reading of a container's CPU and memory counters (no stream: the caller samples). */
    ContainerStats stats(String containerId);

    /** Streams a container's log (timestamps always on) until it ends or is closed. */
    Subscription streamLogs(String containerId, LogRequest request, LogFrameSink sink);

    @Override
    void close();
}
