package io.colimaservices.domain;

import java.util.List;

/**
 * The Docker engine, as the app needs it. Implementations give every call a deadline and map every failure to
 * a {@link UserError} of kind {@link UserError.Kind#DOCKER_UNREACHABLE} naming the host.
 */
public interface ContainerEngine extends AutoCloseable {

    /** The address in use, e.g. {@code unix:///var/run/docker.sock}. */
    String host();

    /** Asks the engine for its version; never throws: an unreachable engine is a value. */
    EngineInfo ping();

    /** One status per compose service of the project that has a container (one-off containers are left out). */
    List<ServiceStatus> listProject(String project);

    @Override
    void close();
}
