package io.colimaservices.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.colimaservices.cli.CliRun;
import io.colimaservices.cli.VaultHarness;
import io.colimaservices.testing.ColimaStandIn;
import io.colimaservices.testing.StandInStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code setup} and {@code setup status} on the real engine with the stand-in stack (Vault, its agent, a service
 * that needs its secret, one that does not, and the stack's two one-shot jobs) and the Vault API double: every step
 * this machine can take is taken to done, a run resumes after a failure in the middle, and a second run changes
 * nothing. Here the Docker host is this machine's own engine, so {@code colima} and {@code vm} are skipped.
 */
public class SetupIT {
    /** The stack's one-shot jobs, as the real compose file has them: restart "no", waiting for the agent. */
    public static final String ONE_SHOTS = """
              redis-cluster-init:
                image: ${IMAGE}
                network_mode: host
                restart: "no"
                command: ["sh", "-c", "echo cluster formed"]
                depends_on: {vault-agent: {condition: service_healthy}}
                labels: {io.colima-services.group: data, io.colima-services.one-shot: "true"}
              forgejo-admin-init:
                image: ${IMAGE}
                network_mode: host
                restart: "no"
                command: ["sh", "-c", "echo admin created"]
                depends_on: {vault-agent: {condition: service_healthy}}
                labels: {io.colima-services.group: git, io.colima-services.one-shot: "true"}
            """;
    private static final List<String> SERVICES = List.of("vault", "vault-agent", "postgres", "prometheus",
            "redis-cluster-init", "forgejo-admin-init");

    private final ObjectMapper json = new ObjectMapper();

    private Map<String, String> states(StandInStack stack) throws IOException {
        CliRun run = stack.cli("setup", "status", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, String> states = new LinkedHashMap<>();
        for (JsonNode step : json.readTree(run.out()).get("steps")) {
            states.put(step.get("id").asText(), step.get("state").asText());
        }
        return states;
    }

    private static Map<String, String> containers(StandInStack stack) {
        Map<String, String> ids = new LinkedHashMap<>();
        SERVICES.forEach(s -> ids.put(s, stack.containerId(s) + " " + stack.inspect(s, "{{.State.StartedAt}}")));
        return ids;
    }

    @Test
    void fromAFreshStackToDoneResumingAfterADeclinedInitAndASecondRunChangesNothing(@TempDir Path dir)
            throws Exception {
        try (StandInStack stack = new StandInStack(dir, Optional.empty(), ONE_SHOTS)) {
            Map<String, String> fresh = states(stack);
            assertThat(fresh).containsEntry("colima", "skipped").containsEntry("vm", "skipped")
                    .containsEntry("docker", "done").containsEntry("compose", "done")
                    .containsEntry("images", "done").containsEntry("vault-init", "todo")
                    .containsEntry("vault-unseal", "blocked").containsEntry("vault-bootstrap", "blocked")
                    .containsEntry("agent", "blocked").containsEntry("redis-cluster", "blocked")
                    .containsEntry("forgejo-admin", "blocked").containsEntry("ca", "blocked")
                    .containsEntry("tier", "blocked");

            CliRun declined = stack.cli("setup");
            assertThat(declined.exitCode()).as(declined.out()).isEqualTo(2);
            assertThat(declined.out()).contains("Initialize Vault at " + stack.harness.vault.address())
                    .contains("Not asked: stdin is not a terminal (pass --yes to accept).");
            assertThat(declined.err()).contains("setup stopped at vault-init: Vault initialization was not confirmed")
                    .contains("fix: run setup again and answer yes, or run: colima-services setup --yes");
            assertThat(states(stack)).containsEntry("vault-init", "todo");

            CliRun first = stack.cli("setup", "--yes");
            assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
            assertThat(first.out()).contains("Setup acted on vault-init, vault-unseal, vault-bootstrap, agent, "
                    + "redis-cluster, forgejo-admin, tier;")
                    .contains("5 unseal key shares (3 needed) and the root token are stored in ");
            // The closing note's record of each step's state on this machine after setup --yes.
            System.out.println("setup --yes:\n" + first.out() + "\nsetup status:\n" + stack.cli("setup", "status").out());
            Map<String, String> done = states(stack);
            assertThat(done).containsEntry("colima", "skipped").containsEntry("vm", "skipped");
            done.forEach((id, state) -> {
                if (!List.of("colima", "vm", "ca").contains(id)) {
                    assertThat(state).as(id).isEqualTo("done");
                }
            });
            // No NSS database in the harness's home: the CA's step says what to run and is not attempted.
            assertThat(done).containsEntry("ca", "todo");

            Map<String, String> before = containers(stack);
            Map<String, Integer> versions = stack.harness.vault.secretVersions();
            int requests = stack.harness.vault.requests().size();
            CliRun second = stack.cli("setup", "--yes");
            assertThat(second.exitCode()).as(second.err()).isZero();
            assertThat(second.out()).contains("Nothing was changed; optional steps left: 1")
                    .doesNotContain("running");
            assertThat(containers(stack)).isEqualTo(before);
            assertThat(stack.harness.vault.secretVersions()).isEqualTo(versions);
            assertThat(stack.harness.vault.requests().subList(requests, stack.harness.vault.requests().size()))
                    .allMatch(r -> r.startsWith("GET "));
        }
    }

    @Test
    void vaultSealedOrNotBootstrappedIsTheStepThatIsTodo(@TempDir Path dir) throws Exception {
        try (StandInStack stack = new StandInStack(dir, Optional.empty(), ONE_SHOTS)) {
            VaultHarness.expectOk(stack.cli("vault", "init"));
            Map<String, String> sealed = states(stack);
            assertThat(sealed).containsEntry("vault-init", "done").containsEntry("vault-unseal", "todo")
                    .containsEntry("vault-bootstrap", "blocked");

            VaultHarness.expectOk(stack.cli("vault", "unseal"));
            Map<String, String> unbootstrapped = states(stack);
            assertThat(unbootstrapped).containsEntry("vault-unseal", "done").containsEntry("vault-bootstrap", "todo")
                    .containsEntry("agent", "blocked");
            CliRun status = stack.cli("setup", "status");
            assertThat(status.out()).contains("not bootstrapped: no working app token in ")
                    .contains("-> colima-services vault bootstrap");

            VaultHarness.expectOk(stack.cli("setup", "--yes"));
            stack.harness.vault.seal();
            Map<String, String> resealed = states(stack);
            assertThat(resealed).containsEntry("vault-unseal", "todo").containsEntry("vault-bootstrap", "blocked")
                    .containsEntry("agent", "blocked");
            CliRun again = stack.cli("setup", "--yes");
            assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
            assertThat(again.out()).contains("Setup acted on vault-unseal");
            assertThat(states(stack)).containsEntry("vault-unseal", "done").containsEntry("tier", "done");
        }
    }
    @Test
    void aStoppedColimaVmIsStartedThenSetupGoesOnAndASecondRunChangesNothing(@TempDir Path dir) throws Exception {
        try (StandInStack stack = new StandInStack(dir, Optional.empty(), ONE_SHOTS)) {
            ColimaStandIn colima = ColimaStandIn.install(dir.resolve("colima"));
            stack.harness.environment("PATH", colima.executable().getParent() + ":"
                    + stack.harness.environment().get("PATH"));
            stack.harness.environment("STANDIN_DIR", colima.directory().toString());
            stack.harness.environment("STANDIN_STATUS", "stopped");
            stack.harness.environment("STANDIN_STATEFUL", "1");
            // While it runs, the stand-in VM's Docker socket is this machine's engine.
            stack.harness.environment("STANDIN_SOCKET", "/var/run/docker.sock");

            Map<String, String> stopped = states(stack);
            assertThat(stopped).containsEntry("colima", "done").containsEntry("vm", "todo")
                    .containsEntry("docker", "blocked").containsEntry("vault-init", "blocked");

            CliRun run = stack.cli("setup", "--yes");
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("Setup acted on vm, vault-init, vault-unseal, vault-bootstrap, agent, "
                    + "redis-cluster, forgejo-admin, tier;");
            assertThat(colima.calls()).filteredOn(c -> c.startsWith("start")).singleElement().asString()
                    .contains("--cpu 4").contains("--memory 8");
            Map<String, String> done = states(stack);
            assertThat(done).containsEntry("colima", "done").containsEntry("vm", "done")
                    .containsEntry("docker", "done").containsEntry("tier", "done");

            int calls = colima.calls().size();
            CliRun second = stack.cli("setup", "--yes");
            assertThat(second.out()).contains("Nothing was changed");
            assertThat(colima.calls().subList(calls, colima.calls().size())).noneMatch(c -> c.startsWith("start")
                    || c.startsWith("stop") || c.startsWith("restart"));
        }
    }
}
