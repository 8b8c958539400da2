package io.colimaservices.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.colimaservices.testing.ColimaStandIn;
import io.colimaservices.testing.FakeDockerSocket;
import io.colimaservices.testing.FakePlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The setup checklist's {@code colima}, {@code vm} and {@code docker} steps against the stand-in colima and real
 * unix sockets (no engine needed: every later step waits for Docker, so nothing else is asked).
 */
class SetupColimaTest {
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path home;

    private ColimaStandIn standIn;
    private FakeDockerSocket socket;
    private Path compose;

    @BeforeEach
    void composeFile() throws IOException {
        compose = home.resolve("stack/docker-compose.yml");
        Files.createDirectories(compose.getParent());
        Files.writeString(compose, """
                services:
                  app:
                    image: cs-test-busybox:1
                    command: ["sleep", "1"]
                """);
    }

    @AfterEach
    void closeSocket() {
        if (socket != null) {
            socket.close();
        }
    }

    private Path colimaSocket() {
        return home.resolve(".colima/default/docker.sock");
    }

    /** A Mac whose PATH has the stand-in colima (or, with {@code installed} false, no colima at all). */
    private VmCli mac(boolean installed, String... settings) {
        standIn = ColimaStandIn.install(home.resolve("standin"));
        Map<String, String> env = new HashMap<>(standIn.environment(settings));
        env.put("PATH", (installed ? standIn.executable().getParent() + ":" : "") + "/usr/bin:/bin");
        env.put("HOME", home.toString());
        return new VmCli(env, home, FakePlatform.appleSiliconMac());
    }

    private CliRun run(VmCli cli, String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--compose-file";
        all[1] = compose.toString();
        all[2] = "--vault-addr";
        all[3] = "http://127.0.0.1:9";
        System.arraycopy(args, 0, all, 4, args.length);
        return cli.run(all);
    }

    private Map<String, JsonNode> steps(CliRun run) throws IOException {
        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, JsonNode> steps = new LinkedHashMap<>();
        json.readTree(run.out()).get("steps").forEach(s -> steps.put(s.get("id").asText(), s));
        return steps;
    }

    private static String state(Map<String, JsonNode> steps, String id) {
        return steps.get(id).get("state").asText();
    }

    @Test
    void colimaMissingOnAMacIsTodoWithTheBrewCommandAndEverythingAfterWaits() throws Exception {
        Map<String, JsonNode> steps = steps(run(mac(false), "setup", "status", "--json"));

        assertThat(steps.keySet()).containsExactly("colima", "vm", "docker", "compose", "images", "vault-init",
                "vault-unseal", "vault-bootstrap", "agent", "redis-cluster", "forgejo-admin", "ca", "tier");
        assertThat(state(steps, "colima")).isEqualTo("todo");
        assertThat(steps.get("colima").get("detail").asText()).startsWith("Colima is not installed");
        assertThat(steps.get("colima").get("action").asText()).isEqualTo("brew install colima docker");
        assertThat(state(steps, "vm")).isEqualTo("blocked");
        assertThat(steps.get("vm").get("detail").asText()).isEqualTo("waits for: colima");
        assertThat(state(steps, "docker")).isEqualTo("blocked");
        assertThat(state(steps, "vault-init")).isEqualTo("blocked");
        assertThat(state(steps, "tier")).isEqualTo("blocked");
        assertThat(steps.get("ca").get("optional").asBoolean()).isTrue();
        steps.values().forEach(s -> assertThat(s.fieldNames()).toIterable()
                .contains("id", "title", "state", "detail", "action"));
    }

    @Test
    void setupStopsAtAMissingColimaWithTheVmExitCodeCauseAndFix() {
        CliRun run = run(mac(false), "setup", "--yes");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.VM);
        assertThat(run.err()).contains("setup stopped at colima: Colima and the docker CLI are not installed")
                .contains("fix: install them with Homebrew: brew install colima docker");
        assertThat(run.out()).contains("colima           running").contains("colima           failed");
    }

    @Test
    void aStoppedVmIsTodoWithVmStart() throws Exception {
        Map<String, JsonNode> steps = steps(run(mac(true, "STANDIN_STATUS=stopped"), "setup", "status", "--json"));

        assertThat(state(steps, "colima")).isEqualTo("done");
        assertThat(steps.get("colima").get("detail").asText()).contains(standIn.executable().toString())
                .contains("docker CLI");
        assertThat(state(steps, "vm")).isEqualTo("todo");
        assertThat(steps.get("vm").get("detail").asText()).isEqualTo("profile default is stopped");
        assertThat(steps.get("vm").get("action").asText()).isEqualTo("colima-services vm start");
        assertThat(state(steps, "docker")).isEqualTo("blocked");
        assertThat(standIn.calls()).noneMatch(c -> c.startsWith("start"));
    }

    @Test
    void aBrokenSocketFailsTheDockerStepWithTheDiagnosisAndItsFix() throws Exception {
        socket = FakeDockerSocket.listen(colimaSocket(), FakeDockerSocket.Behaviour.GARBAGE);

        Map<String, JsonNode> steps = steps(run(mac(true, "STANDIN_SOCKET=" + colimaSocket()), "setup", "status",
                "--json"));

        assertThat(state(steps, "colima")).isEqualTo("done");
        assertThat(state(steps, "vm")).isEqualTo("done");
        assertThat(steps.get("vm").get("detail").asText()).isEqualTo("profile default runs (4 CPUs, 8 GiB)");
        assertThat(state(steps, "docker")).isEqualTo("failed");
        assertThat(steps.get("docker").get("detail").asText()).contains(colimaSocket().toString());
        assertThat(steps.get("docker").get("action").asText()).isNotBlank();
        assertThat(state(steps, "images")).isEqualTo("blocked");
    }

    @Test
    void aVmWithOtherResourcesThanTheSettingsIsTodoWithARestart() throws Exception {
        socket = FakeDockerSocket.listen(colimaSocket(), FakeDockerSocket.Behaviour.GARBAGE);
        Path settings = home.resolve("Library/Application Support/Colima Services/settings.json");
        Files.createDirectories(settings.getParent());
        Files.writeString(settings, "{\"colima\": {\"cpus\": 6, \"memoryGiB\": 12}}");

        Map<String, JsonNode> steps = steps(run(mac(true, "STANDIN_SOCKET=" + colimaSocket()), "setup", "status",
                "--json"));

        assertThat(state(steps, "vm")).isEqualTo("todo");
        assertThat(steps.get("vm").get("detail").asText())
                .isEqualTo("profile default runs with 4 CPUs and 8 GiB; the settings ask for 6 CPUs and 12 GiB");
        assertThat(steps.get("vm").get("action").asText()).isEqualTo("colima-services vm restart");
    }

    @Test
    void aDockerHostThatIsNoColimaSocketSkipsColimaAndTheVmWithTheReason() throws Exception {
        Map<String, JsonNode> steps = steps(run(mac(true, "STANDIN_STATUS=stopped",
                "DOCKER_HOST=unix://" + home.resolve("elsewhere.sock")), "setup", "status", "--json"));

        for (String id : new String[]{"colima", "vm"}) {
            assertThat(state(steps, id)).isEqualTo("skipped");
            assertThat(steps.get(id).get("detail").asText()).isEqualTo("the Docker host is unix://"
                    + home.resolve("elsewhere.sock") + " (from DOCKER_HOST), not a Colima socket");
        }
        assertThat(state(steps, "docker")).isEqualTo("failed");
        assertThat(steps.get("docker").get("detail").asText()).contains("elsewhere.sock");
    }
}
