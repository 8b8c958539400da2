package io.colimaservices.engine;

import io.colimaservices.cli.CliRun;
import io.colimaservices.domain.LogBuffer;
import io.colimaservices.domain.LogSession;
import io.colimaservices.testing.ComposeProject;
import io.colimaservices.testing.LiveStack;
import io.colimaservices.ui.logs.LogRow;
import io.colimaservices.ui.logs.LogViewerViewModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two services writing at the same time, so their lines interleave in time: the viewer (following) and the CLI
 * show them merged by time, each service's history in place (issue 22's merge race).
 */
class LogMergeIT {
    private static final int LINES = 150;
    private static final String COMPOSE = """
            x-base: &base
              image: ${IMAGE}
              network_mode: host
              labels: {io.colima-services.group: data}
              restart: "no"
            services:
              ping:
                <<: *base
                command: ["sh", "-c", "trap 'exit 0' TERM; i=0; while [ $$i -lt %1$d ]; do echo ping $$i; i=$$((i+1)); sleep 0.01; done; echo ping done; while true; do sleep 1; done"]
              pong:
                <<: *base
                command: ["sh", "-c", "trap 'exit 0' TERM; i=0; while [ $$i -lt %1$d ]; do echo pong $$i; i=$$((i+1)); sleep 0.01; done; echo pong done; while true; do sleep 1; done"]
            """.formatted(LINES);

    private static ComposeProject project;
    private static LiveStack live;

    @BeforeAll
    static void writeInterleavedLogs() {
        project = ComposeProject.create(COMPOSE);
        project.up("ping", "pong");
        live = new LiveStack(project, Optional.empty());
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            String out = CliRun.on(project, "logs", "ping", "pong", "--tail", "5").out();
            return out.contains("ping done") && out.contains("pong done");
        });
    }

    @AfterAll
    static void cleanUp() {
        if (live != null) {
            live.close();
        }
        if (project != null) {
            project.close();
        }
    }

    @Test
    void theViewerFollowingBothServicesShowsTheirHistoriesMergedByTime() {
        LogViewerViewModel viewer = new LogViewerViewModel((services, request) -> new LogSession(
                live.context.engine(), s -> live.store.current().status(s).containerId(), services, request,
                LogBuffer.DEFAULT_CAPACITY).start());
        await().atMost(Duration.ofSeconds(10)).until(() -> live.store.current().status("pong").isRunning());
        // The viewer's own pattern: one service open, then another added.
        viewer.open(List.of("ping"));
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            viewer.pull();
            return viewer.rows().size() == LINES + 1;
        });
        viewer.open(List.of("ping", "pong"));
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            viewer.pull();
            return viewer.rows().size() == 2 * (LINES + 1);
        });
        viewer.close();

        List<Instant> times = viewer.rows().stream().map(r -> r.line().time()).toList();
        assertThat(times).isSorted();
        assertInterleavedAndEachInItsOrder(viewer.rows().stream().map(LogRow::plainText).toList());
    }

    @Test
    void theCliMergesBothServicesByTime() {
        CliRun run = CliRun.on(project, "logs", "ping", "pong", "--timestamps", "--tail", "1000");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(2 * (LINES + 1));
        // "ping | 2026-12-07T03:30:00.123456789Z ping 7"
        List<Instant> times = lines.stream().map(l -> Instant.parse(l.split(" ")[2])).toList();
        assertThat(times).isSorted();
        assertInterleavedAndEachInItsOrder(lines.stream().map(l -> l.substring(l.indexOf('Z') + 2)).toList());
    }

    private static void assertInterleavedAndEachInItsOrder(List<String> texts) {
        for (String service : List.of("ping", "pong")) {
            List<String> own = texts.stream().filter(t -> t.startsWith(service)).toList();
            assertThat(own).hasSize(LINES + 1);
            for (int i = 0; i < LINES; i++) {
                assertThat(own.get(i)).isEqualTo(service + " " + i);
            }
        }
        // The two wrote at the same time: both appear in the first half (not one service's block, then the other's).
        assertThat(texts.subList(0, LINES)).anyMatch(t -> t.startsWith("ping")).anyMatch(t -> t.startsWith("pong"));
    }
}
