package io.colimaservices.engine;

import io.colimaservices.cli.CliRun;
import io.colimaservices.domain.ActionResult;
import io.colimaservices.domain.ContainerEvent;
import io.colimaservices.domain.ContainerState;
import io.colimaservices.domain.HealthStatus;
import io.colimaservices.domain.StackProgress;
import io.colimaservices.testing.ComposeProject;
import io.colimaservices.testing.LiveStack;
import io.colimaservices.testing.Processes;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Group start and stop on the real engine, with the progress both faces show. */
class StackActionsIT {
    private static final String LOOP = "trap 'exit 0' TERM; while true; do sleep 1; done";

    /** db (healthy after 3 s) <- migrate (one-shot) <- api; db (started) <- worker. Also used by ClockSkewIT. */
    static final String CHAIN = """
            x-base: &base
              image: ${IMAGE}
              network_mode: host
            services:
              db:
                <<: *base
                labels: {io.colima-services.group: data}
                command: ["sh", "-c", "trap 'exit 0' TERM; echo warming up; sleep 3; touch /tmp/ready; %s"]
                healthcheck: {test: ["CMD", "test", "-f", "/tmp/ready"], interval: 1s, timeout: 2s, retries: 30}
              migrate:
                <<: *base
                labels: {io.colima-services.group: data}
                command: ["sh", "-c", "echo migrated; exit 0"]
                depends_on: {db: {condition: service_healthy}}
              api:
                <<: *base
                labels: {io.colima-services.group: apps}
                command: ["sh", "-c", "%s"]
                depends_on:
                  db: {condition: service_healthy}
                  migrate: {condition: service_completed_successfully}
              worker:
                <<: *base
                labels: {io.colima-services.group: apps}
                command: ["sh", "-c", "%s"]
                depends_on:
                  db: {condition: service_started}
            """.formatted(LOOP, LOOP, LOOP);

    @Test
    void slowHealthyServiceGatesItsDependentsAndDownRunsInReverse() {
        try (ComposeProject project = ComposeProject.create(CHAIN);
             LiveStack live = new LiveStack(project, Optional.empty())) {
            List<StackProgress> progress = new CopyOnWriteArrayList<>();

            ActionResult up = live.actions().up(List.of("apps"), Duration.ofSeconds(60), progress::add);

            assertThat(up.succeeded()).as(progress.toString()).isTrue();
            List<String> lines = progress.stream().map(StackProgress::describe).toList();
            int dbHealthy = indexOf(lines, "db healthy after");
            int migrated = indexOf(lines, "migrate completed after");
            // Every container is created first, by one compose call; they start in dependency order.
            assertThat(indexOf(lines, "creating api")).isLessThan(indexOf(lines, "starting db"));
            assertThat(indexOf(lines, "starting migrate")).isGreaterThan(dbHealthy);
            assertThat(indexOf(lines, "starting api")).isGreaterThan(migrated);
            // worker only needs db started, so it must not wait for db's health (3 s).
            assertThat(indexOf(lines, "starting worker")).isLessThan(dbHealthy);
            assertThat(lines).anyMatch(l -> l.startsWith("4 services ready: 4 created in"));
            assertThat(live.store.current().status("api").state()).isEqualTo(ContainerState.RUNNING);
            assertThat(live.store.current().status("db").health()).isEqualTo(HealthStatus.HEALTHY);
            assertThat(live.store.current().busy()).isEmpty();

            progress.clear();
            ActionResult down = live.actions().down(List.of("db"), progress::add);

            assertThat(down.succeeded()).isTrue();
            List<String> stops = progress.stream().filter(p -> p instanceof StackProgress.Stopping)
                    .map(StackProgress::service).toList();
            assertThat(stops).containsExactlyInAnyOrder("api", "worker", "db");
            assertThat(stops.getLast()).isEqualTo("db");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(live.store.current().status("db").state()).isEqualTo(ContainerState.EXITED));
        }
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starting with '" + prefix + "' in " + lines);
    }

    @Test
    void serviceThatNeverGetsHealthyStopsTheStartWithExitFourAndItsReasons() {
        String compose = """
                services:
                  broken:
                    image: ${IMAGE}
                    network_mode: host
                    labels: {io.colima-services.group: data}
                    command: ["sh", "-c", "trap 'exit 0' TERM; echo broken starting; echo cannot bind >&2; %s"]
                    healthcheck:
                      test: ["CMD", "sh", "-c", "echo port 5432 closed; exit 1"]
                      interval: 1s
                      timeout: 2s
                      retries: 2
                  dependent:
                    image: ${IMAGE}
                    network_mode: host
                    labels: {io.colima-services.group: apps}
                    command: ["sh", "-c", "%s"]
                    depends_on: {broken: {condition: service_healthy}}
                """.formatted(LOOP, LOOP);
        try (ComposeProject project = ComposeProject.create(compose)) {
            CliRun run = CliRun.of("--compose-file", project.file().toString(), "--project-name", project.name(),
                    "up", "dependent", "--timeout", "60");

            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(4);
            assertThat(run.out()).contains("FAILED broken failed: unhealthy")
                    .contains("last health check: port 5432 closed")
                    .contains("broken starting").contains("! cannot bind")
                    .contains("dependent not started: broken failed");
            // Created with the others by one compose call, never started.
            assertThat(Processes.run(null, 20, "docker", "inspect", "-f", "{{.State.Status}}",
                    project.containerId("dependent")).output().strip()).isEqualTo("created");
        }
    }

    @Test
    void serviceThatTakesTooLongTimesOut() {
        String compose = """
                services:
                  sleepy:
                    image: ${IMAGE}
                    network_mode: host
                    labels: {io.colima-services.group: data}
                    command: ["sh", "-c", "%s"]
                    healthcheck: {test: ["CMD", "false"], interval: 60s, start_period: 120s}
                """.formatted(LOOP);
        try (ComposeProject project = ComposeProject.create(compose)) {
            CliRun run = CliRun.of("--compose-file", project.file().toString(), "--project-name", project.name(),
                    "up", "data", "--timeout", "3");

            assertThat(run.exitCode()).isEqualTo(4);
            assertThat(run.out()).contains("FAILED sleepy failed: not healthy after 3 s (timeout)");
        }
    }

    @Test
    void crashLoopingServiceFailsAndEveryCrashIsSeen() {
        String compose = """
                services:
                  crashy:
                    image: ${IMAGE}
                    network_mode: host
                    restart: always
                    labels: {io.colima-services.group: data}
                    command: ["sh", "-c", "echo crashing; sleep 0.3; exit 3"]
                """;
        try (ComposeProject project = ComposeProject.create(compose);
             LiveStack live = new LiveStack(project, Optional.empty())) {
            AtomicInteger deaths = new AtomicInteger();
            live.watcher.onEventApplied(e -> {
                if (e.action().equals("die")) {
                    deaths.incrementAndGet();
                }
            });
            List<StackProgress> progress = new ArrayList<>();

            ActionResult up = live.actions().up(List.of("crashy"), Duration.ofSeconds(30), progress::add);

            assertThat(up.succeeded()).isFalse();
            assertThat(up.failure().orElseThrow().reason()).isEqualTo("exited with code 3");
            await().atMost(Duration.ofSeconds(20)).until(() -> deaths.get() >= 3);
        }
    }

    @Test
    void killedContainerIsSeenWithinASecond() {
        String compose = """
                services:
                  victim:
                    image: ${IMAGE}
                    network_mode: host
                    labels: {io.colima-services.group: data}
                    command: ["sh", "-c", "%s"]
                """.formatted(LOOP);
        try (ComposeProject project = ComposeProject.create(compose);
             LiveStack live = new LiveStack(project, Optional.empty())) {
            assertThat(live.actions().up(List.of("victim"), Duration.ofSeconds(30), p -> { }).succeeded()).isTrue();
            List<ContainerEvent> seen = new CopyOnWriteArrayList<>();
            live.watcher.onEventApplied(seen::add);

            Processes.run(null, 20, "docker", "kill", project.containerId("victim")).orFail("docker kill");

            await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
                assertThat(live.store.current().status("victim").state()).isEqualTo(ContainerState.EXITED);
                assertThat(live.store.current().status("victim").exitCode()).hasValue(137);
            });
        }
    }
}
