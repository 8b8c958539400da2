package io.colimaservices.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.colimaservices.domain.FakeEngine.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Merging several services' logs: the histories in time order whatever order their streams deliver them in. */
class LogSessionTest {
    private static final String T1 = "2026-11-27T10:00:01.000000000Z";
    private static final String T2 = "2026-11-27T10:00:02.000000000Z";
    private static final String T3 = "2026-11-27T10:00:03.000000000Z";
    private static final String T4 = "2026-11-27T10:00:04.000000000Z";
    private static final String T6 = "2026-11-27T10:00:06.000000000Z";
    private static final LogRequest VIEWER = new LogRequest(true, 1_000, Optional.empty());

    /**
     * The race seen in the viewer (issue 22): mysql's history arrives, a frame drains it, then postgres's older
     * history arrives. Before the fix the drain handed out all of mysql's lines and postgres's came after them.
     */
    @Test
    void aHistoryThatArrivesAfterADrainIsMergedIntoPlaceNotAppended() throws InterruptedException {
        CountDownLatch mysqlSent = new CountDownLatch(1);
        CountDownLatch postgresMaySend = new CountDownLatch(1);
        FakeEngine mysql = new FakeEngine()
                .onLogs((request, sink) -> {
                    send(sink, LogSource.STDOUT, T2 + " mysql 1\n");
                    send(sink, LogSource.STDOUT, T4 + " mysql 2\n");
                    sink.onClosed(Optional.empty());
                    mysqlSent.countDown();
                })
                .onLogs((request, sink) -> send(sink, LogSource.STDOUT, T6 + " mysql live\n"));
        FakeEngine postgres = new FakeEngine()
                .onLogs((request, sink) -> {
                    waitFor(postgresMaySend);
                    send(sink, LogSource.STDOUT, T1 + " postgres 1\n");
                    send(sink, LogSource.STDOUT, T3 + " postgres 2\n");
                    sink.onClosed(Optional.empty());
                })
                .onLogs((request, sink) -> { });
        List<String> seen = new ArrayList<>();
        try (LogSession session = new LogSession(new MuxEngine(Map.of("mysql", mysql, "postgres", postgres)),
                Optional::of, List.of("mysql", "postgres"), VIEWER, 100).start()) {
            assertThat(mysqlSent.await(5, TimeUnit.SECONDS)).isTrue();
            drainInto(session, seen);
            postgresMaySend.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> drainInto(session, seen) == 5);
        }

        assertThat(seen).containsExactly("postgres 1", "mysql 1", "postgres 2", "mysql 2", "mysql live");
    }

    @Test
    void aServiceWhoseHistoryNeverComesHoldsTheOthersOnlyUntilTheDeadline() {
        FakeEngine mysql = new FakeEngine().onLogs((request, sink) -> {
            send(sink, LogSource.STDOUT, T2 + " mysql 1\n");
            sink.onClosed(Optional.empty());
        }).onLogs((request, sink) -> { });
        FakeEngine silent = new FakeEngine().onLogs((request, sink) -> { });
        AtomicLong now = new AtomicLong();
        Duration deadline = Duration.ofSeconds(5);
        List<String> seen = new ArrayList<>();
        try (LogSession session = new LogSession(new MuxEngine(Map.of("mysql", mysql, "postgres", silent)),
                Optional::of, List.of("mysql", "postgres"), VIEWER, 100, deadline, now::get).start()) {
            await().atMost(Duration.ofSeconds(5)).until(() -> mysql.logRequests.size() == 2);
            now.addAndGet(deadline.toNanos() - 1);
            assertThat(drainInto(session, seen)).isZero();

            now.addAndGet(1);
            assertThat(drainInto(session, seen)).isEqualTo(1);
            assertThat(session.historiesIn()).isFalse();
        }
        assertThat(seen).containsExactly("mysql 1");
    }

    @Test
    void aServiceWithoutAContainerHasNoHistoryToWaitFor() {
        FakeEngine mysql = new FakeEngine().onLogs((request, sink) -> {
            send(sink, LogSource.STDOUT, T2 + " mysql 1\n");
            sink.onClosed(Optional.empty());
        }).onLogs((request, sink) -> { });
        List<String> seen = new ArrayList<>();
        try (LogSession session = new LogSession(new MuxEngine(Map.of("mysql", mysql)),
                s -> s.equals("mysql") ? Optional.of(s) : Optional.empty(), List.of("mysql", "postgres"), VIEWER,
                100, Duration.ofDays(1), System::nanoTime).start()) {
            await().atMost(Duration.ofSeconds(5)).until(() -> drainInto(session, seen) == 1);
        }
        assertThat(seen).containsExactly("mysql 1");
    }

    @Test
    void oneShotReadsMergeServicesByTime() throws InterruptedException {
        FakeEngine a = new FakeEngine().onLogs((request, sink) -> {
            send(sink, LogSource.STDOUT, T1 + " first\n");
            send(sink, LogSource.STDOUT, T3 + " third\n");
            sink.onClosed(Optional.empty());
        });
        FakeEngine b = new FakeEngine().onLogs((request, sink) -> {
            send(sink, LogSource.STDERR, T2 + " second\n");
            sink.onClosed(Optional.empty());
        });
        try (LogSession session = new LogSession(new MuxEngine(Map.of("a", a, "b", b)), Optional::of,
                List.of("a", "b"), new LogRequest(false, 10, Optional.empty()), 100).start()) {
            assertThat(session.awaitEnd(Duration.ofSeconds(5))).isTrue();
            assertThat(session.drain(100).lines()).extracting(l -> l.service() + ":" + l.text())
                    .containsExactly("a:first", "b:second", "a:third");
        }
    }

    private static int drainInto(LogSession session, List<String> seen) {
        session.drain(100).lines().forEach(l -> seen.add(l.text()));
        return seen.size();
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
