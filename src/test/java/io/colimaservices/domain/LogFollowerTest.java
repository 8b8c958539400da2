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

    /** A follow reads the tail first without following: the read's end is the end of the history. */
    @Test
    void aFollowReadsItsHistoryFirstThenFollowsFromItsLastLine() throws InterruptedException {
        FakeEngine engine = new FakeEngine()
                .onLogs((request, sink) -> {
                    send(sink, LogSource.STDOUT, T1 + " a\n");
                    send(sink, LogSource.STDOUT, T2 + " b\n");
                    sink.onClosed(Optional.empty());
                })
                .onLogs((request, sink) -> {
                    // The engine re-sends everything at or after `since`, as Docker does.
                    send(sink, LogSource.STDOUT, T2 + " b\n");
                    send(sink, LogSource.STDOUT, T3 + " live\n");
                });
        LogBuffer buffer = new LogBuffer(100);

        try (LogFollower follower = new LogFollower(engine, "svc", () -> Optional.of("cid"),
                new LogRequest(true, 200, Optional.empty()), buffer)) {
            follower.start();
            assertThat(follower.awaitHistory(Duration.ofSeconds(5))).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> buffer.size() >= 3);
            assertThat(follower.ended()).isFalse();
        }

        assertThat(buffer.readFrom(0, 100).lines()).extracting(LogLine::text).containsExactly("a", "b", "live");
        assertThat(engine.logRequests).containsExactly(
                new LogRequest(false, 200, Optional.empty()),
                new LogRequest(true, LogRequest.ALL_SINCE, Optional.of(Instant.parse(T2))));
    }

    @Test
    void historyIsNotDeliveredWhileItsReadIsStillComing() throws InterruptedException {
        FakeEngine engine = new FakeEngine().onLogs((request, sink) -> send(sink, LogSource.STDOUT, T1 + " a\n"));
        LogBuffer buffer = new LogBuffer(100);

        try (LogFollower follower = new LogFollower(engine, "svc", () -> Optional.of("cid"),
                new LogRequest(true, 200, Optional.empty()), buffer)) {
            follower.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> buffer.size() == 1);
            assertThat(follower.awaitHistory(Duration.ofMillis(200))).isFalse();
        }
    }

    @Test
    void aHistoryReadThatBreaksResumesWithoutDuplicatesBeforeTheFollow() {
        FakeEngine engine = new FakeEngine()
                .onLogs((request, sink) -> {
                    send(sink, LogSource.STDOUT, T1 + " a\n");
                    send(sink, LogSource.STDOUT, T2 + " b\n");
                    send(sink, LogSource.STDERR, T2 + " c\n");
                    sink.onClosed(Optional.of(new IOException("socket cut")));
                })
                .onLogs((request, sink) -> {
                    send(sink, LogSource.STDOUT, T2 + " b\n");
                    send(sink, LogSource.STDERR, T2 + " c\n");
                    send(sink, LogSource.STDOUT, T2 + " d\n");
                    sink.onClosed(Optional.empty());
                })
                .onLogs((request, sink) -> {
                    send(sink, LogSource.STDOUT, T2 + " d\n");
                    send(sink, LogSource.STDOUT, T3 + " e\n");
                });

        assertThat(followUntil(engine, 5)).containsExactly("a", "b", "c", "d", "e");
        assertThat(engine.logRequests).containsExactly(
                new LogRequest(false, 200, Optional.empty()),
                new LogRequest(false, LogRequest.ALL_SINCE, Optional.of(Instant.parse(T2))),
                new LogRequest(true, LogRequest.ALL_SINCE, Optional.of(Instant.parse(T2))));
    }

    @Test
    void brokenLiveStreamResumesFromTheLastTimestampWithoutDuplicates() {
        FakeEngine engine = new FakeEngine()
                .onLogs((request, sink) -> {
                    send(sink, LogSource.STDOUT, T1 + " a\n");
                    sink.onClosed(Optional.empty());
                })
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
                });

        assertThat(followUntil(engine, 5)).containsExactly("a", "b", "c", "d", "e");
        assertThat(engine.logRequests).containsExactly(
                new LogRequest(false, 200, Optional.empty()),
                new LogRequest(true, LogRequest.ALL_SINCE, Optional.of(Instant.parse(T1))),
                new LogRequest(true, LogRequest.ALL_SINCE, Optional.of(Instant.parse(T2))));
    }

    @Test
    void aFollowOfOnlyNewLinesHasNoHistoryToRead() throws InterruptedException {
        FakeEngine engine = new FakeEngine().onLogs((request, sink) -> send(sink, LogSource.STDOUT, T1 + " new\n"));
        LogBuffer buffer = new LogBuffer(100);

        try (LogFollower follower = new LogFollower(engine, "svc", () -> Optional.of("cid"),
                new LogRequest(true, 0, Optional.empty()), buffer)) {
            follower.start();
            assertThat(follower.awaitHistory(Duration.ofSeconds(5))).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> buffer.size() == 1);
        }
        assertThat(engine.logRequests).containsExactly(new LogRequest(true, 0, Optional.empty()));
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

    /** Follows (tail 200) until {@code lines} lines are in; their texts. */
    private static java.util.List<String> followUntil(FakeEngine engine, int lines) {
        LogBuffer buffer = new LogBuffer(100);
        try (LogFollower follower = new LogFollower(engine, "svc", () -> Optional.of("cid"),
                new LogRequest(true, 200, Optional.empty()), buffer)) {
            follower.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> buffer.size() >= lines);
        }
        return buffer.readFrom(0, 100).lines().stream().map(LogLine::text).toList();
    }
}
