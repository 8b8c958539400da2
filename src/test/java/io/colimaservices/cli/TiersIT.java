package io.colimaservices.cli;

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
 * Tiers as compose profiles, end to end on the real engine and the compose CLI found here: {@code up --tier minimal}
 * starts exactly the minimal services and those without a profile (a profile-gated service is created when the app
 * names it), {@code status --json} lists each service's tiers, {@code up --tier standard --tier reference} adds
 * those tiers' services, {@code down --all} stops everything.
 */
class TiersIT {
    private static final String LOOP = "trap 'exit 0' TERM; while true; do sleep 1; done";
    private static final String COMPOSE = """
            x-base: &base
              image: ${IMAGE}
              network_mode: host
              command: ["sh", "-c", "%s"]
            services:
              keeper:
                <<: *base
                labels: {io.colima-services.group: secrets}
              db:
                <<: *base
                profiles: [minimal, standard, full]
                labels: {io.colima-services.group: data}
                depends_on: [keeper]
              cache:
                <<: *base
                profiles: [standard, full]
                labels: {io.colima-services.group: data}
              metrics:
                <<: *base
                profiles: [full]
                labels: {io.colima-services.group: observability}
              shop:
                <<: *base
                profiles: [reference]
                depends_on: [db]
            """.formatted(LOOP);

    private final ObjectMapper json = new ObjectMapper();

    private CliRun cli(ComposeProject project, String... args) {
        return CliRun.on(project, args);
    }

    /** Each service's state, from {@code status --json}. */
    private Map<String, String> states(ComposeProject project) throws Exception {
        CliRun status = cli(project, "status", "--json");
        assertThat(status.exitCode()).as(status.err()).isZero();
        Map<String, String> states = new LinkedHashMap<>();
        json.readTree(status.out()).get("services").forEach(s -> states.put(s.get("name").asText(),
                s.get("state").asText()));
        return states;
    }

    @Test
    void upTierMinimalStartsExactlyTheMinimalServicesAndThoseWithoutAProfile() throws Exception {
        try (ComposeProject project = ComposeProject.create(COMPOSE)) {
            CliRun up = cli(project, "up", "--timeout", "2m", "--tier", "minimal");
            assertThat(up.exitCode()).as(up.out() + up.err()).isZero();
            assertThat(up.out()).contains("keeper running after", "db running after", "2 services ready");
            assertThat(states(project)).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "keeper", "running", "db", "running", "cache", "absent", "metrics", "absent", "shop", "absent"));

            CliRun status = cli(project, "status", "--json");
            Map<String, List<String>> tiers = new LinkedHashMap<>();
            json.readTree(status.out()).get("services").forEach(s -> {
                List<String> list = new ArrayList<>();
                s.get("tiers").forEach(t -> list.add(t.asText()));
                tiers.put(s.get("name").asText(), list);
            });
            assertThat(tiers).containsExactly(
                    Map.entry("keeper", List.of("minimal", "standard", "full", "reference")),
                    Map.entry("db", List.of("minimal", "standard", "full")),
                    Map.entry("cache", List.of("standard", "full")),
                    Map.entry("metrics", List.of("full")),
                    Map.entry("shop", List.of("reference")));

            CliRun more = cli(project, "up", "--timeout", "2m", "--tier", "standard", "--tier", "reference");
            assertThat(more.exitCode()).as(more.out() + more.err()).isZero();
            assertThat(states(project)).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "keeper", "running", "db", "running", "cache", "running", "metrics", "absent",
                    "shop", "running"));

            CliRun unknown = cli(project, "up", "--tier", "huge");
            assertThat(unknown.exitCode()).isEqualTo(2);
            assertThat(unknown.err()).contains("unknown tier 'huge'", "tiers: minimal, standard, full, reference");

            CliRun down = cli(project, "down", "--all");
            assertThat(down.exitCode()).as(down.out() + down.err()).isZero();
            assertThat(down.out()).contains("stopped 4 services");
            assertThat(states(project)).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "keeper", "exited", "db", "exited", "cache", "exited", "metrics", "absent",
                    "shop", "exited"));

            String trace = Files.readString(TestEnvironment.logFile());
            assertThat(trace).contains("[cli] up --tier minimal: 2 services ready",
                    "[cli] up --tier standard --tier reference: ", "[cli] down --all: stopped 4 services");
        }
    }
}
