package io.colimaservices.colima;

import io.colimaservices.domain.SocketCondition;
import io.colimaservices.domain.SocketDiagnosis;
import io.colimaservices.domain.SocketFix;
import io.colimaservices.domain.VmPhase;
import io.colimaservices.domain.VmState;
import io.colimaservices.testing.FakeDockerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Socket diagnosis against real unix sockets in a temporary directory; nothing touches the network. */
class SocketDiagnoserTest {
    @TempDir
    Path home;

    private FakeDockerSocket server;

    @AfterEach
    void closeServer() {
        if (server != null) {
            server.close();
        }
    }

    private Path socket() {
        return home.resolve(".colima/default/docker.sock");
    }

    /**
     * Diagnoses with a deadline no answer should need: a socket that answers, refuses or talks garbage does so at
     * once, but on a loaded machine the probe's own thread may not even run within a short deadline (a refusing socket
     * then read as "did not accept a connection within 800ms": seen in a full test run at load average 6).
     */
    private SocketDiagnosis diagnose(VmState vm, String... environment) {
        return diagnoseWithin(Duration.ofSeconds(10), vm, environment);
    }

    /** For the one case that waits the deadline out (a socket that never answers). */
    private SocketDiagnosis diagnoseWithin(Duration deadline, VmState vm, String... environment) {
        Map<String, String> env = new HashMap<>();
        for (String setting : environment) {
            int eq = setting.indexOf('=');
            env.put(setting.substring(0, eq), setting.substring(eq + 1));
        }
        env.putIfAbsent("DOCKER_CONFIG", home.resolve(".docker").toString());
        return new SocketDiagnoser(new ColimaPaths(env, home), env, home, deadline).diagnose(vm);
    }

    private VmState running() {
        return running(socket());
    }

    private static VmState running(Path socket) {
        return new VmState("default", VmPhase.RUNNING, Optional.of("aarch64"), 4, 8, 60,
                Optional.of("unix://" + socket), Optional.empty(), Optional.of("docker"), false, Optional.empty(),
                Optional.empty());
    }

    private static VmState stopped() {
        return VmState.of("default", VmPhase.STOPPED);
    }

    @Test
    void answeringSocketThatDockerClientsUseIsHealthy() {
        server = FakeDockerSocket.listen(socket(), FakeDockerSocket.Behaviour.DOCKER);

        SocketDiagnosis d = diagnose(running(), "DOCKER_HOST=unix://" + socket());

        assertThat(d.condition()).isEqualTo(SocketCondition.ANSWERING);
        assertThat(d.healthy()).isTrue();
        assertThat(d.fix()).isEqualTo(SocketFix.NONE);
        assertThat(d.detail()).isEqualTo(socket() + " answered GET /_ping: HTTP/1.1 200 OK");
        assertThat(server.requestLines()).containsExactly("GET /_ping HTTP/1.1");
    }

    @Test
    void missingSocketOfAStoppedVmIsFixedByStartingIt() {
        SocketDiagnosis d = diagnose(stopped());

        assertThat(d.condition()).isEqualTo(SocketCondition.MISSING);
        assertThat(d.detail()).isEqualTo("nothing at " + socket() + " (VM 'default' stopped)");
        assertThat(d.fix()).isEqualTo(SocketFix.START_VM);
        assertThat(d.fixText()).isEqualTo("colima start --profile default");
    }

    @Test
    void missingSocketWithoutColimaIsFixedByInstallingIt() {
        SocketDiagnosis d = diagnose(VmState.of("default", VmPhase.NOT_INSTALLED));

        assertThat(d.condition()).isEqualTo(SocketCondition.MISSING);
        assertThat(d.fix()).isEqualTo(SocketFix.INSTALL_COLIMA);
    }

    @Test
    void danglingLinkIsNamedWithItsTarget() throws IOException {
        Files.createDirectories(socket().getParent());
        Path target = home.resolve("lima/colima/sock/docker.sock");
        Files.createSymbolicLink(socket(), target);

        SocketDiagnosis d = diagnose(stopped());

        assertThat(d.condition()).isEqualTo(SocketCondition.DANGLING_LINK);
        assertThat(d.detail()).isEqualTo(socket() + " is a link to " + target + ", which does not exist (VM 'default'"
                + " stopped)");
        assertThat(d.fix()).isEqualTo(SocketFix.START_VM);
    }

    @Test
    void staleSocketThatRefusesWhileColimaSaysRunningNeedsARestart() {
        server = FakeDockerSocket.listen(socket(), FakeDockerSocket.Behaviour.DOCKER);
        server.leaveStale();

        SocketDiagnosis d = diagnose(running());

        assertThat(Files.exists(socket())).isTrue();
        assertThat(d.condition()).isEqualTo(SocketCondition.REFUSING);
        assertThat(d.detail()).startsWith(socket() + " refuses connections: nothing listens on it");
        assertThat(d.fix()).isEqualTo(SocketFix.RESTART_VM);
        assertThat(d.fixText()).isEqualTo("colima restart --profile default");
    }

    @Test
    void socketThatAcceptsButNeverAnswersIsNotAnswering() {
        server = FakeDockerSocket.listen(socket(), FakeDockerSocket.Behaviour.SILENT);

        SocketDiagnosis d = diagnoseWithin(Duration.ofMillis(800), running());

        assertThat(d.condition()).isEqualTo(SocketCondition.NOT_ANSWERING);
        assertThat(d.detail())
                .startsWith(socket() + " accepted a connection but did not answer GET /_ping within 800ms");
        assertThat(d.fix()).isEqualTo(SocketFix.RESTART_VM);
    }

    @Test
    void somethingThatIsNotDockerIsNotAnswering() {
        server = FakeDockerSocket.listen(socket(), FakeDockerSocket.Behaviour.GARBAGE);

        SocketDiagnosis d = diagnose(running());

        assertThat(d.condition()).isEqualTo(SocketCondition.NOT_ANSWERING);
        assertThat(d.detail()).contains("did not answer as Docker (it said 'SSH-2.0-OpenSSH_9.6')");
    }

    @Test
    void regularFileWhereTheSocketShouldBe() throws IOException {
        Files.createDirectories(socket().getParent());
        Files.writeString(socket(), "");

        SocketDiagnosis d = diagnose(stopped());

        assertThat(d.condition()).isEqualTo(SocketCondition.NOT_A_SOCKET);
        assertThat(d.detail()).startsWith(socket() + " is a regular file, not a socket");
    }

    @Test
    void dockerHostPointingElsewhereIsNamedWithTheFix() {
        server = FakeDockerSocket.listen(socket(), FakeDockerSocket.Behaviour.DOCKER);

        SocketDiagnosis d = diagnose(running(), "DOCKER_HOST=tcp://127.0.0.1:2375");

        assertThat(d.condition()).isEqualTo(SocketCondition.DOCKER_HOST_ELSEWHERE);
        assertThat(d.detail()).startsWith("DOCKER_HOST is tcp://127.0.0.1:2375, not Colima's unix://" + socket());
        assertThat(d.fix()).isEqualTo(SocketFix.FIX_DOCKER_HOST);
        assertThat(d.fixText()).startsWith("export DOCKER_HOST=unix://" + socket());
    }

    @Test
    void dockerHostThroughALinkToTheSameSocketIsFine() throws IOException {
        server = FakeDockerSocket.listen(socket(), FakeDockerSocket.Behaviour.DOCKER);
        Path link = Files.createSymbolicLink(home.resolve("docker.sock"), socket());

        assertThat(diagnose(running(), "DOCKER_HOST=unix://" + link).condition()).isEqualTo(SocketCondition.ANSWERING);
    }

    @Test
    void defaultContextWithoutDockerHostPointsElsewhere() {
        server = FakeDockerSocket.listen(socket(), FakeDockerSocket.Behaviour.DOCKER);

        SocketDiagnosis d = diagnose(running());

        assertThat(d.condition()).isEqualTo(SocketCondition.CONTEXT_ELSEWHERE);
        assertThat(d.detail()).isEqualTo("the docker CLI's current context is 'default' (no context chosen): it points "
                + "at unix:///var/run/docker.sock, not Colima's unix://" + socket());
        assertThat(d.fix()).isEqualTo(SocketFix.USE_COLIMA_CONTEXT);
        assertThat(d.fixText()).isEqualTo("docker context use colima");
    }

    @Test
    void colimaContextFromTheDockerConfigIsFine() throws IOException {
        server = FakeDockerSocket.listen(socket(), FakeDockerSocket.Behaviour.DOCKER);
        Path docker = Files.createDirectories(home.resolve(".docker"));
        Files.writeString(docker.resolve("config.json"), "{\"auths\": {}, \"currentContext\": \"colima\"}");
        Path meta = Files.createDirectories(docker.resolve("contexts/meta").resolve(DockerCliConfig.sha256("colima")));
        Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"colima\",\"Metadata\":{\"Description\":\"colima\"},"
                + "\"Endpoints\":{\"docker\":{\"Host\":\"unix://" + socket() + "\",\"SkipTLSVerify\":false}}}");

        assertThat(diagnose(running()).condition()).isEqualTo(SocketCondition.ANSWERING);
    }

    @Test
    void contextNamedByDockerContextThatDoesNotExist() {
        server = FakeDockerSocket.listen(socket(), FakeDockerSocket.Behaviour.DOCKER);

        SocketDiagnosis d = diagnose(running(), "DOCKER_CONTEXT=orbstack");

        assertThat(d.condition()).isEqualTo(SocketCondition.CONTEXT_ELSEWHERE);
        assertThat(d.detail()).startsWith("the docker CLI's current context is 'orbstack' (DOCKER_CONTEXT): context "
                + "'orbstack' does not exist");
    }

    @Test
    void colimaReportedSocketWinsOverTheConfigDirectory() {
        Path elsewhere = home.resolve(".config/colima/default/docker.sock");
        server = FakeDockerSocket.listen(elsewhere, FakeDockerSocket.Behaviour.DOCKER);

        SocketDiagnosis d = diagnose(running(elsewhere), "DOCKER_HOST=unix://" + elsewhere);

        assertThat(d.condition()).isEqualTo(SocketCondition.ANSWERING);
        assertThat(d.socket()).isEqualTo(elsewhere.toString());
    }
}
