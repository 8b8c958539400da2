package io.colimaservices.domain;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static io.colimaservices.domain.FakeEngine.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LogFollowerTest {
    private static final String T1 = "2026-11-27T10:00:01.000000000Z";
    private static final String T2 = "2026-11-27T10:00:02.000000000Z";
    private static final String T3 = "2026-11-27T10:00:03.000000000Z";

    @Test
    void brokenStreamResumesFromTheLastTimestampWithoutDuplicates() {
        FakeEngine engine = new FakeEngine()
                .onLogs((request, sink) -> {
                    send(sink, LogSource.STDOUT, T1 + " a\n");
                    send(sink, LogSource.STDOUT, T2 + " b\n");
                    send(sink, LogSource.STDERR, T2 + " c\n");
                    sink.onClosed(Optional.of(new IOException("socket cut")));
                })
                .onLogs((request, sink) -> {
                    // The engine re-sends everything at or after `since`, as Docker does.
                    send(sink, LogSource.STDOUT, T2 + " b\n");
                    send(sink, LogSource.STDERR, T2 + " c\n");
                    send(sink, LogSource.STDOUT, T2 + " d\n");
                    send(sink, LogSource.STDOUT, T3 + " e\n");
                    sink.onClosed(Optional.empty());
                });
        LogBuffer buffer = new LogBuffer(100);

        try (LogFollower follower = new LogFollower(engine, "svc", () -> Optional.of("cid"),
                new LogRequest(true, 200, Optional.empty()), buffer)) {
            follower.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> buffer.size() >= 5);
        }

        assertThat(buffer.readFrom(0, 100).lines()).extracting(LogLine::text).containsExactly("a", "b", "c", "d", "e");
        assertThat(engine.logRequests.getFirst()).isEqualTo(new LogRequest(true, 200, Optional.empty()));
        assertThat(engine.logRequests.get(1))
                .isEqualTo(new LogRequest(true, LogRequest.ALL_SINCE, Optional.of(Instant.parse(T2))));
    }

    @Test
    void oneShotReadEndsWithTheLog() throws InterruptedException {
        FakeEngine engine = new FakeEngine().onLogs((request, sink) -> {
            send(sink, LogSource.STDOUT, T1 + " only\n");
            sink.onClosed(Optional.empty());
        });
        LogBuffer buffer = new LogBuffer(10);

        try (LogFollower follower = new LogFollower(engine, "svc", () -> Optional.of("cid"),
                new LogRequest(false, 5, Optional.empty()), buffer)) {
            follower.start();
            assertThat(follower.awaitEnd(Duration.ofSeconds(5))).isTrue();
        }

        assertThat(buffer.size()).isEqualTo(1);
        assertThat(engine.logRequests).hasSize(1);
    }

    @Test
    void sessionMergesServicesByTime() throws InterruptedException {
        FakeEngine engine = new FakeEngine()
                .onLogs((request, sink) -> {
                    send(sink, LogSource.STDOUT, T1 + " first\n");
                    send(sink, LogSource.STDOUT, T3 + " third\n");
                    sink.onClosed(Optional.empty());
                });
        FakeEngine other = new FakeEngine();
        try (LogSession session = new LogSession(new MuxEngine(engine, other), s -> Optional.of(s),
                java.util.List.of("a", "b"), new LogRequest(false, 10, Optional.empty()), 100)) {
            other.onLogs((request, sink) -> {
                send(sink, LogSource.STDERR, T2 + " second\n");
                sink.onClosed(Optional.empty());
            });
            session.start();
            assertThat(session.awaitEnd(Duration.ofSeconds(5))).isTrue();
            assertThat(session.drain(100).lines()).extracting(l -> l.service() + ":" + l.text())
                    .containsExactly("a:first", "b:second", "a:third");
        }
    }

    /** Routes container "a" to one fake engine and everything else to another. */
    private record MuxEngine(FakeEngine a, FakeEngine rest) implements ContainerEngine {
        public String host() {
            return "mux";
        }

        public EngineInfo ping() {
            return a.ping();
        }

        public java.util.List<ServiceStatus> listProject(String project) {
            return java.util.List.of();
        }

        public Subscription subscribeEvents(String project, EngineEventListener listener) {
            throw new UnsupportedOperationException();
        }

        public ServiceStatus inspect(String service, String containerId) {
            throw new UnsupportedOperationException();
        }

        public java.time.Instant daemonTime() {
            return a.daemonTime();
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
            return (containerId.equals("a") ? a : rest).streamLogs(containerId, request, sink);
        }

        public void close() {
        }
    }
}
