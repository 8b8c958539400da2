package io.colimaservices.app;

import io.colimaservices.colima.ColimaPaths;
import io.colimaservices.domain.EngineInfo;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.StackStore;
import io.colimaservices.domain.VmPhase;
import io.colimaservices.domain.VmWatcher;
import io.colimaservices.settings.AppDirectories;
import io.colimaservices.testing.ColimaStandIn;
import io.colimaservices.testing.FakePlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static io.colimaservices.domain.Fixtures.smallStack;
import static org.assertj.core.api.Assertions.assertThat;

/** The Docker host chain with Colima in it: the configured profile, and Colima's own socket while running. */
class AppContextColimaTest {
    @TempDir
    Path home;

    private ColimaStandIn standIn;

    private AppContext context(String... settings) {
        standIn = ColimaStandIn.install(home.resolve("standin"));
        Map<String, String> env = new HashMap<>(standIn.environment(settings));
        env.put("PATH", standIn.executable().getParent() + ":/usr/bin:/bin");
        return new AppContext(LaunchOptions.defaults(), env, new ColimaPaths(env, home),
                AppDirectories.of("Linux", home, env), home, FakePlatform::linux);
    }

    private void settings(String json) throws IOException {
        Path file = home.resolve(".config/colima-services/settings.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
    }

    @Test
    void runningColimasReportedSocketWins() {
        AppContext context = context("STANDIN_SOCKET=/Users/me/.config/colima/default/docker.sock");

        assertThat(context.dockerHost().display()).isEqualTo("unix:///Users/me/.config/colima/default/docker.sock");
        assertThat(context.dockerHost().source()).isEqualTo("Colima profile socket");
    }

    @Test
    void stoppedVmOfTheConfiguredProfileUsesItsSocketWhenOneIsThere() throws IOException {
        settings("{\"colima\": {\"profile\": \"work\"}}");
        Path socket = Files.createDirectories(home.resolve(".colima/work")).resolve("docker.sock");
        Files.createFile(socket);

        AppContext context = context("STANDIN_STATUS=stopped");

        assertThat(context.vmProfile()).isEqualTo("work");
        assertThat(context.dockerHost().display()).isEqualTo("unix://" + socket);
    }

    @Test
    void nothingFromColimaFallsBackToTheDefaultSocket() {
        assertThat(context("STANDIN_STATUS=absent").dockerHost().display()).isEqualTo("unix:///var/run/docker.sock");
    }

    @Test
    void dockerHostVariableStillWinsWithoutAskingColima() {
        AppContext context = context("DOCKER_HOST=unix:///tmp/other.sock");

        assertThat(context.dockerHost().display()).isEqualTo("unix:///tmp/other.sock");
        assertThat(standIn.calls()).isEmpty();
    }

    @Test
    void badColimaBinDoesNotCostTheDockerConnection() {
        AppContext context = context("COLIMA_BIN=" + home.resolve("no-such-colima"));

        assertThat(context.dockerHost().display()).isEqualTo("unix:///var/run/docker.sock");
    }

    @Test
    void watcherPublishesTheVmAndKeepsTheDockerHostCurrent() {
        AppContext context = context("STANDIN_SOCKET=" + home.resolve("s/docker.sock"));
        StackStore store = new StackStore(StackSnapshot.initial("p", smallStack(), Optional.empty(),
                "unix:///var/run/docker.sock", "http://127.0.0.1:8200", context.vmProfile())
                .withEngine(EngineInfo.unknown("unix:///var/run/docker.sock")));
        VmWatcher watcher = context.vmWatcher(store);

        watcher.refresh();

        assertThat(store.current().vm().phase()).isEqualTo(VmPhase.RUNNING);
        assertThat(store.current().vm().socketDiagnosis()).isPresent();
        assertThat(context.dockerHost().display()).isEqualTo("unix://" + home.resolve("s/docker.sock"));
    }
}
