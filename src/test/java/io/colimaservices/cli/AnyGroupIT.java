package io.colimaservices.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.colimaservices.testing.ComposeProject;
import io.colimaservices.testing.TestEnvironment;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any group name, end to end on the real engine: a compose file with a group of its own ({@code frontend}) loads,
 * {@code groups --json} lists it after the stack's own groups, {@code up --timeout 2m frontend} starts it with what it
 * depends on, {@code restart --timeout 90s} restarts one of its services, {@code down frontend} stops it and leaves
 * the rest; each action leaves its trace line in the app's log.
 */
class AnyGroupIT {
    private static final String LOOP = "trap 'exit 0' TERM; while true; do sleep 1; done";
    private static final String COMPOSE = """
            x-base: &base
              image: ${IMAGE}
              network_mode: host
            services:
              db:
                <<: *base
                labels: {io.colima-services.group: data}
                command: ["sh", "-c", "trap 'exit 0' TERM; sleep 1; touch /tmp/ready; %s"]
                healthcheck: {test: ["CMD", "test", "-f", "/tmp/ready"], interval: 1s, timeout: 2s, retries: 30}
              web:
                <<: *base
                labels: {io.colima-services.group: frontend}
                command: ["sh", "-c", "%s"]
                healthcheck: {test: ["CMD", "true"], interval: 1s, timeout: 2s, retries: 3}
                depends_on: {db: {condition: service_healthy}}
              assets:
                <<: *base
                labels: {io.colima-services.group: frontend}
                command: ["sh", "-c", "%s"]
              batch:
                <<: *base
                labels: {io.colima-services.group: payments}
                command: ["sh", "-c", "%s"]
            """.formatted(LOOP, LOOP, LOOP, LOOP);

    private final ObjectMapper json = new ObjectMapper();

    private CliRun cli(ComposeProject project, String... args) {
        List<String> all = new ArrayList<>(List.of("--compose-file", project.file().toString(), "--project-name",
                project.name()));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    private Map<String, String> states(ComposeProject project) throws Exception {
        CliRun status = cli(project, "status", "--json");
        assertThat(status.exitCode()).as(status.err()).isZero();
        Map<String, String> states = new LinkedHashMap<>();
        json.readTree(status.out()).get("services").forEach(s -> states.put(s.get("name").asText(),
                s.get("group").asText() + " " + s.get("state").asText() + "/" + s.get("health").asText()));
        return states;
    }

    @Test
    void aGroupOfItsOwnIsListedStartedRestartedAndStopped() throws Exception {
        try (ComposeProject project = ComposeProject.create(COMPOSE)) {
            CliRun groups = cli(project, "groups", "--json");
            assertThat(groups.exitCode()).as(groups.err()).isZero();
            JsonNode doc = json.readTree(groups.out());
            List<String> names = new ArrayList<>();
            doc.get("groups").forEach(g -> names.add(g.get("name").asText()));
            assertThat(names).containsExactly("data", "frontend", "payments");
            List<String> frontend = new ArrayList<>();
            doc.get("groups").get(1).get("services").forEach(s -> frontend.add(s.get("name").asText()));
            assertThat(frontend).containsExactly("web", "assets");

            CliRun up = cli(project, "up", "--timeout", "2m", "frontend");
            assertThat(up.exitCode()).as(up.out() + up.err()).isZero();
            assertThat(up.out()).contains("db healthy after", "web healthy after", "assets running after",
                    "3 services ready");
            assertThat(states(project)).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "db", "data running/healthy",
                    "web", "frontend running/healthy",
                    "assets", "frontend running/none",
                    "batch", "payments absent/none"));

            CliRun restart = cli(project, "restart", "--timeout", "90s", "web");
            assertThat(restart.exitCode()).as(restart.out() + restart.err()).isZero();
            assertThat(restart.out()).contains("restarted web in");

            CliRun status = cli(project, "status");
            assertThat(status.out()).containsSubsequence("Data (", "Frontend (", "Payments (");

            CliRun down = cli(project, "down", "frontend");
            assertThat(down.exitCode()).as(down.out() + down.err()).isZero();
            Map<String, String> after = states(project);
            assertThat(after.get("web")).startsWith("frontend exited");
            assertThat(after.get("assets")).startsWith("frontend exited");
            assertThat(after.get("db")).isEqualTo("data running/healthy");

            String trace = Files.readString(TestEnvironment.logFile());
            assertThat(trace).contains("[cli] up frontend: 3 services ready", "[cli] restart web: restarted web in",
                    "[cli] down frontend: stopped 2 services in");
        }
    }
}
