package io.colimaservices.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.colimaservices.colima.ColimaExecutable;
import io.colimaservices.testing.ColimaStandIn;
import io.colimaservices.testing.FakeDockerSocket;
import io.colimaservices.testing.FakePlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** {@code vm ...} end to end, in process, against the stand-in colima and real unix sockets. */
class VmCommandTest {
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path home;

    private ColimaStandIn standIn;
    private FakeDockerSocket socket;

    @AfterEach
    void closeSocket() {
        if (socket != null) {
            socket.close();
        }
    }

    /** The stand-in first on PATH; a Mac, so that every start flag applies. */
    private VmCli cli(String... settings) {
        standIn = standIn == null ? ColimaStandIn.install(home.resolve("standin")) : standIn;
        Map<String, String> env = new HashMap<>(standIn.environment(settings));
        env.put("PATH", standIn.executable().getParent() + ":/usr/bin:/bin");
        env.put("HOME", home.toString());
        return new VmCli(env, home, FakePlatform.appleSiliconMac());
    }

    private Path colimaSocket() {
        return home.resolve(".colima/default/docker.sock");
    }

    private void writeSettings(String text) throws IOException {
        Path file = home.resolve("Library/Application Support/Colima Services/settings.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void statusJsonOfARunningVmWithAnAnsweringSocket() throws Exception {
        socket = FakeDockerSocket.listen(colimaSocket(), FakeDockerSocket.Behaviour.DOCKER);

        CliRun run = cli("STANDIN_SOCKET=" + colimaSocket(), "DOCKER_HOST=unix://" + colimaSocket())
                .run("vm", "status", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = json.readTree(run.out());
        assertThat(doc.get("installed").asBoolean()).isTrue();
        assertThat(doc.get("profile").asText()).isEqualTo("default");
        assertThat(doc.get("state").asText()).isEqualTo("running");
        assertThat(doc.get("arch").asText()).isEqualTo("aarch64");
        assertThat(doc.get("cpus").asInt()).isEqualTo(4);
        assertThat(doc.get("memoryGiB").asDouble()).isEqualTo(8.0);
        assertThat(doc.get("diskGiB").asDouble()).isEqualTo(60.0);
        assertThat(doc.get("socket").asText()).isEqualTo("unix://" + colimaSocket());
        assertThat(doc.get("address").asText()).isEqualTo("192.168.106.2");
        assertThat(doc.get("runtime").asText()).isEqualTo("docker");
        assertThat(doc.get("kubernetes").asBoolean()).isFalse();
        assertThat(doc.has("error")).isFalse();
        assertThat(doc.at("/socketDiagnosis/condition").asText()).isEqualTo("answering");
        assertThat(doc.at("/socketDiagnosis/action").asText()).isEqualTo("none");
    }

    @Test
    void statusJsonOfAStoppedVmNamesTheFix() throws Exception {
        CliRun run = cli("STANDIN_STATUS=stopped").run("vm", "status", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = json.readTree(run.out());
        assertThat(doc.get("state").asText()).isEqualTo("stopped");
        assertThat(doc.get("cpus").asInt()).isEqualTo(4);
        assertThat(doc.get("socket").isNull()).isTrue();
        assertThat(doc.at("/socketDiagnosis/condition").asText()).isEqualTo("missing");
        assertThat(doc.at("/socketDiagnosis/action").asText()).isEqualTo("start-vm");
        assertThat(doc.at("/socketDiagnosis/actionText").asText()).isEqualTo("colima start --profile default");
    }

    @Test
    void statusJsonOfAnAbsentProfile() throws Exception {
        CliRun run = cli("STANDIN_STATUS=absent").run("vm", "status", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = json.readTree(run.out());
        assertThat(doc.get("state").asText()).isEqualTo("absent");
        assertThat(doc.get("installed").asBoolean()).isTrue();
        assertThat(doc.get("arch").isNull()).isTrue();
        assertThat(doc.get("cpus").isNull()).isTrue();
    }

    @Test
    void statusJsonWhenColimaIsNotInstalled() throws Exception {
        // On a Mac with Homebrew's colima the fallback would find it: this case needs a machine without one.
        assumeThat(ColimaExecutable.HOMEBREW).noneMatch(Files::exists);
        VmCli cli = new VmCli(Map.of("PATH", "/usr/bin:/bin", "HOME", home.toString()), home,
                FakePlatform.appleSiliconMac());

        CliRun run = cli.run("vm", "status", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = json.readTree(run.out());
        assertThat(doc.get("installed").asBoolean()).isFalse();
        assertThat(doc.get("state").asText()).isEqualTo("not-installed");
        assertThat(doc.at("/socketDiagnosis/action").asText()).isEqualTo("install-colima");
        assertThat(cli.run("vm", "status").out()).contains("VM default: not-installed")
                .contains("Colima: not installed (looked in PATH, /opt/homebrew/bin/colima, /usr/local/bin/colima)")
                .contains("fix: brew install colima   [install-colima]");
    }

    @Test
    void brokenColimaIsUnknownInJsonAndExitSixWithTheReason() throws Exception {
        CliRun run = cli("STANDIN_STATUS=broken").run("vm", "status", "--json");

        assertThat(run.exitCode()).isEqualTo(6);
        JsonNode doc = json.readTree(run.out());
        assertThat(doc.get("state").asText()).isEqualTo("unknown");
        assertThat(doc.get("error").asText()).contains("not Colima's status JSON");
        assertThat(run.err()).startsWith("error: colima status --profile default --json printed something that is not")
                .contains("hint: 'colima status --profile default' in a terminal");
    }

    @Test
    void textStatusShowsTheHeadlineAndTheSocketFix() {
        CliRun run = cli("STANDIN_STATUS=stopped").run("vm", "status");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("VM default: stopped (aarch64, 4 CPUs, 8 GiB memory, 60 GiB disk)")
                .contains("Docker socket: missing: nothing at " + colimaSocket() + " (VM 'default' stopped)")
                .contains("  fix: colima start --profile default   [start-vm]");
    }

    @Test
    void profileOptionWorksAfterTheSubcommandToo() {
        CliRun run = cli("STANDIN_STATUS=stopped").run("vm", "status", "--profile", "work");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(standIn.calls()).first().isEqualTo("status --profile work --json");
        assertThat(run.out()).startsWith("VM work: stopped (x86_64, 2 CPUs");
    }

    @Test
    void startPassesTheSettingsAndOverridesAndShowsProgress() throws IOException {
        writeSettings("""
                {"colima": {"profile": "dev", "memoryGiB": 12, "kubernetes": true}}
                """);

        CliRun run = cli().run("vm", "start", "--cpu", "6");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(standIn.calls()).first().isEqualTo("start --profile dev --cpu 6 --memory 12 --disk 60 --arch "
                + "aarch64 --vm-type vz --vz-rosetta --network-address --kubernetes");
        assertThat(run.out()).contains("$ colima start --profile dev --cpu 6")
                .contains("msg=\"starting colima [profile=dev]\"")
                .contains("msg=\"done\"")
                .contains("VM dev: running (aarch64, 4 CPUs, 8 GiB memory, 60 GiB disk, docker, 192.168.106.2)");
    }

    @Test
    void hungStartIsKilledAtTheTimeoutWithAClearMessage() {
        CliRun run = cli("STANDIN_START=hang").run("vm", "start", "--timeout", "1s");

        assertThat(run.exitCode()).isEqualTo(6);
        assertThat(run.out()).contains("msg=\"starting colima\"");
        assertThat(run.err().lines().findFirst()).contains("error: colima start --profile default --cpu 4 --memory 8 "
                + "--disk 60 --arch aarch64 --vm-type vz --vz-rosetta --network-address did not finish within 1s; "
                + "it was killed along with 1 child process");
    }

    @Test
    void failedStartExitsSix() {
        CliRun run = cli("STANDIN_START=fail").run("vm", "start");

        assertThat(run.exitCode()).isEqualTo(6);
        assertThat(run.err()).contains("failed (exit 1)").contains("error starting vm");
    }

    @Test
    void stopAndForcedStop() {
        VmCli cli = cli();

        assertThat(cli.run("vm", "stop").exitCode()).isZero();
        CliRun forced = cli.run("vm", "stop", "--force");

        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.out()).endsWith("VM default: stopped" + System.lineSeparator());
        assertThat(standIn.calls()).containsExactly("stop --profile default", "stop --profile default --force");
    }

    @Test
    void restartStopsThenStartsWithTheSettings() {
        CliRun run = cli().run("vm", "restart");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(standIn.calls()).containsExactly("status --profile default --json", "stop --profile default",
                "start --profile default --cpu 4 --memory 8 --disk 60 --arch aarch64 --vm-type vz --vz-rosetta "
                        + "--network-address",
                "status --profile default --json", "status --profile default --json");
    }

    @Test
    void deleteNeedsTheTypedNameAndOtherwiseTouchesNothing() {
        VmCli cli = cli();

        CliRun noTerminal = cli.run("vm", "delete");
        CliRun wrong = cli.run("vm", "--profile", "work", "delete", "--confirm", "default");

        assertThat(noTerminal.exitCode()).isEqualTo(2);
        assertThat(noTerminal.err()).startsWith("error: vm delete needs the profile's name typed out")
                .contains("hint: pass --confirm default");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).startsWith("error: not deleting VM 'work': the confirmation typed was 'default'");
        assertThat(standIn.calls()).isEmpty();

        CliRun right = cli.run("vm", "--profile", "work", "delete", "--confirm", "work");

        assertThat(right.exitCode()).as(right.err()).isZero();
        assertThat(standIn.calls()).containsExactly("delete --profile work --force");
    }

    @Test
    void colimaOptionNamesTheExecutable() {
        VmCli cli = cli();
        VmCli withoutPath = new VmCli(Map.of("PATH", "/usr/bin:/bin", "HOME", home.toString(),
                "STANDIN_DIR", standIn.directory().toString()), home, FakePlatform.appleSiliconMac());

        CliRun run = withoutPath.run("--colima", standIn.executable().toString(), "vm", "status");
        CliRun bad = cli.run("vm", "status", "--colima", home.resolve("nope").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("VM default: running");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).startsWith("error: --colima " + home.resolve("nope") + ": not an executable file");
    }

    @Test
    void doctorReportsEverythingAndExitsSixWhileTheSocketIsBroken() throws Exception {
        writeSettings("{\"colima\": {\"cpus\": 64}, \"oops\": 1}");

        CliRun run = cli("STANDIN_STATUS=stopped").run("vm", "doctor", "--json");

        assertThat(run.exitCode()).isEqualTo(6);
        JsonNode doc = json.readTree(run.out());
        assertThat(doc.at("/platform/os").asText()).isEqualTo("macOS");
        assertThat(doc.at("/platform/appleSilicon").asBoolean()).isTrue();
        assertThat(doc.get("colima").asText()).endsWith("/standin/bin/colima (PATH)");
        assertThat(doc.at("/settings/problems/0").asText()).contains("unknown setting 'oops'");
        assertThat(doc.at("/vm/state").asText()).isEqualTo("stopped");
        assertThat(doc.at("/vm/socketDiagnosis/action").asText()).isEqualTo("start-vm");
        assertThat(doc.at("/dockerHost/source").asText()).isEqualTo("default socket");
        assertThat(doc.get("warnings").toString()).contains("given 64 CPUs but this machine has 10");
        assertThat(run.err()).startsWith("error: the Docker socket of VM 'default' is not usable: missing")
                .contains("hint: colima start --profile default");
    }

    @Test
    void doctorIsHappyWhenTheSocketAnswers() {
        socket = FakeDockerSocket.listen(colimaSocket(), FakeDockerSocket.Behaviour.DOCKER);

        CliRun run = cli("STANDIN_SOCKET=" + colimaSocket()).run("vm", "doctor");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(6); // no DOCKER_HOST, default context
        assertThat(run.out()).contains("The app uses Docker at unix://" + colimaSocket() + " (Colima profile socket)")
                .contains("Docker socket: context-elsewhere")
                .contains("fix: docker context use colima   [use-colima-context]");

        CliRun fixed = cli("STANDIN_SOCKET=" + colimaSocket(), "DOCKER_HOST=unix://" + colimaSocket())
                .run("vm", "doctor");
        assertThat(fixed.exitCode()).as(fixed.out() + fixed.err()).isZero();
        assertThat(fixed.out()).contains("Machine: macOS 15.1 on arm64, Apple Silicon, 10 CPUs, 32 GiB [test]");
    }
}
