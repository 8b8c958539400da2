package io.colimaservices.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.colimaservices.testing.ComposeProject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code status --json} against the real engine, one service per state. */
class StatusCommandIT {
    private static final String COMPOSE = """
            x-base: &base
              image: ${IMAGE}
              network_mode: host
              labels:
                io.colima-services.group: data
            services:
              healthy:
                <<: *base
                command: ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"]
                healthcheck: {test: ["CMD", "true"], interval: 1s, timeout: 2s, retries: 1}
              unhealthy:
                <<: *base
                command: ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"]
                healthcheck: {test: ["CMD", "sh", "-c", "echo not ready; exit 1"], interval: 1s, timeout: 2s, retries: 1}
              starting:
                <<: *base
                command: ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"]
                healthcheck: {test: ["CMD", "false"], interval: 60s, timeout: 2s, retries: 3, start_period: 120s}
              plain:
                <<: *base
                command: ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"]
              exited:
                <<: *base
                command: ["sh", "-c", "exit 3"]
                restart: "no"
              absent:
                <<: *base
                command: ["true"]
            """;

    private static ComposeProject project;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startProject() {
        project = ComposeProject.create(COMPOSE);
        project.up("healthy", "unhealthy", "starting", "plain", "exited");
    }

    @AfterAll
    static void removeProject() {
        if (project != null) {
            project.close();
        }
    }

    private JsonNode status() throws Exception {
        CliRun run = CliRun.of("--compose-file", project.file().toString(), "--project-name", project.name(),
                "status", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return json.readTree(run.out());
    }

    private static JsonNode service(JsonNode doc, String name) {
        for (JsonNode s : doc.get("services")) {
            if (s.get("name").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no service " + name + " in " + doc);
    }

    @Test
    void reportsEveryStateOnTheRealEngine() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode doc = status();
            assertThat(doc.get("project").asText()).isEqualTo(project.name());
            assertThat(doc.at("/docker/reachable").asBoolean()).isTrue();
            assertThat(doc.at("/docker/version").asText()).isNotBlank();
            assertThat(doc.at("/docker/host").asText()).startsWith("unix://");
            assertThat(states(doc)).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "healthy", "running/healthy",
                    "unhealthy", "running/unhealthy",
                    "starting", "running/starting",
                    "plain", "running/none",
                    "exited", "exited/none",
                    "absent", "absent/none"));
            assertThat(service(doc, "exited").get("exitCode").asInt()).isEqualTo(3);
            assertThat(service(doc, "healthy").has("exitCode")).isFalse();
            assertThat(service(doc, "absent").get("group").asText()).isEqualTo("data");
        });
    }

    private static Map<String, String> states(JsonNode doc) {
        Map<String, String> states = new java.util.TreeMap<>();
        doc.get("services").forEach(s -> states.put(s.get("name").asText(),
                s.get("state").asText() + "/" + s.get("health").asText()));
        return states;
    }

    @Test
    void humanOutputListsGroupsAndStates() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            CliRun run = CliRun.of("--compose-file", project.file().toString(), "--project-name", project.name(),
                    "status");
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("Data (").contains("exited (3)").contains("unhealthy");
        });
    }

    @Test
    void unreachableEngineExitsThreeNamingTheHost() {
        CliRun run = CliRun.of("--compose-file", project.file().toString(),
                "--docker-host", "unix:///tmp/no-such-docker.sock", "status", "--json");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).startsWith("error: Docker unreachable at unix:///tmp/no-such-docker.sock (--docker-host)");
        assertThat(run.err()).doesNotContain("\tat ");
        assertThat(run.out()).contains("\"reachable\" : false");
    }
}
