package io.colimaservices.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Routes each container's log streams to its own fake engine (the container id is the service's name). */
public record MuxEngine(Map<String, FakeEngine> byContainer) implements ContainerEngine {
    private FakeEngine any() {
        return byContainer.values().iterator().next();
    }

    public String host() {
        return "mux";
    }

    public EngineInfo ping() {
        return any().ping();
    }

    public List<ServiceStatus> listProject(String project) {
        return List.of();
    }

    public Subscription subscribeEvents(String project, EngineEventListener listener) {
        throw new UnsupportedOperationException();
    }

    public ServiceStatus inspect(String service, String containerId) {
        throw new UnsupportedOperationException();
    }

    public Instant daemonTime() {
        return any().daemonTime();
    }

    public void start(String containerId) {
    }

    public void stop(String containerId, Duration grace) {
    }

    public void restart(String containerId, Duration grace) {
    }

    public ContainerStats stats(String containerId) {
        throw new UnsupportedOperationException();
    }

    public Subscription streamLogs(String containerId, LogRequest request, LogFrameSink sink) {
        return byContainer.get(containerId).streamLogs(containerId, request, sink);
    }

    public void close() {
    }
}
