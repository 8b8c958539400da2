package io.colimaservices.domain;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * An engine for unit tests: log streams are played from a script per connection; every request is recorded.
 * Everything else refuses.
 */
public final class FakeEngine implements ContainerEngine {
    public final List<LogRequest> logRequests = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<LogRequest, LogFrameSink>> logScripts = new ArrayList<>();
    private volatile Function<String, ContainerStats> statsReader = id -> {
        throw new UnsupportedOperationException();
    };

    private volatile Function<String, List<ServiceStatus>> lister = project -> List.of();

    /** Answers listings (on the caller's thread). */
    public FakeEngine onList(Function<String, List<ServiceStatus>> answer) {
        lister = answer;
        return this;
    }

    private volatile java.util.function.Supplier<EngineInfo> pinger = () -> EngineInfo.reachable("fake://", "fake");
    private volatile BiConsumer<String, EngineEventListener> events = (project, listener) -> {
        throw new UnsupportedOperationException();
    };

    /** Answers pings (on the caller's thread). */
    public FakeEngine onPing(java.util.function.Supplier<EngineInfo> answer) {
        pinger = answer;
        return this;
    }

    /** Plays an event stream: called on the subscriber's thread; the subscription closes nothing. */
    public FakeEngine onEvents(BiConsumer<String, EngineEventListener> stream) {
        events = stream;
        return this;
    }

    /** Answers stats reads (called on the sampler's threads). */
    public FakeEngine onStats(Function<String, ContainerStats> reader) {
        statsReader = reader;
        return this;
    }

    /** Adds what the next log connection plays. */
    public FakeEngine onLogs(BiConsumer<LogRequest, LogFrameSink> script) {
        logScripts.add(script);
        return this;
    }

    public static void send(LogFrameSink sink, LogSource source, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        sink.onFrame(source, bytes, 0, bytes.length, true);
    }

    @Override
    public String host() {
        return "fake://";
    }

    @Override
    public EngineInfo ping() {
        return pinger.get();
    }

    @Override
    public List<ServiceStatus> listProject(String project) {
        return lister.apply(project);
    }

    @Override
    public Subscription subscribeEvents(String project, EngineEventListener listener) {
        events.accept(project, listener);
        return () -> { };
    }

    @Override
    public void start(String containerId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void stop(String containerId, Duration grace) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void restart(String containerId, Duration grace) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ContainerStats stats(String containerId) {
        return statsReader.apply(containerId);
    }

    @Override
    public Subscription streamLogs(String containerId, LogRequest request, LogFrameSink sink) {
        int index = logRequests.size();
        logRequests.add(request);
        BiConsumer<LogRequest, LogFrameSink> script = index < logScripts.size() ? logScripts.get(index)
                : (r, s) -> s.onClosed(Optional.of(new java.io.IOException("no more scripts")));
        Thread.ofVirtual().start(() -> script.accept(request, sink));
        return () -> { };
    }

    @Override
    public void close() {
    }
}
