package io.colimaservices.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.colimaservices.app.AppContext;
import io.colimaservices.cli.CliRun;
import io.colimaservices.domain.EngineWatcher;
import io.colimaservices.domain.StackActions;
import io.colimaservices.domain.StackRecovery;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.StackStore;
import io.colimaservices.testing.OwnDockerDaemon;
import io.colimaservices.testing.StandInStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Day two on a Docker daemon the test starts itself (never the machine's): a stand-in of the secret lifecycle with
 * the real stack's restart policies ({@link StandInStack}) is started by the CLI, then the machine "reboots": Vault
 * seals, the daemon is stopped while the containers run and started again, so the tmpfs secrets are gone and the
 * restart policies fire all at once (the agent's does not: it cannot render without fresh credentials). Then
 * {@code up} alone, and separately the app's recovery alone, must bring everything back to health. And an app
 * update: one definition changed, {@code up} recreates exactly that service, its data volume kept.
 */
class RebootRehearsalIT {
    private static final Duration RECOVERY_DEADLINE = Duration.ofSeconds(120);
    private static final List<String> TARGETS = List.of("postgres", "prometheus");
    private static OwnDockerDaemon daemon;

    @BeforeAll
    static void startDaemon() {
        daemon = OwnDockerDaemon.start();
    }

    @AfterAll
    static void stopDaemon() {
        if (daemon != null) {
            daemon.close();
        }
    }

    @Test
    void afterARebootUpBringsEverythingBack(@TempDir Path dir) {
        try (StandInStack stack = startedStack(dir)) {
            reboot(stack);
            assertRebootLeftWhatAReallyRebootLeaves(stack);

            CliRun up = stack.cli("up", "postgres", "prometheus", "--timeout", "60");

            assertThat(up.exitCode()).as(up.out() + up.err()).isZero();
            assertThat(up.out()).contains("vault: unsealed with the stored shares", "vault-agent: armed for",
                    "4 services ready");
            assertAllHealthy(stack);
        }
    }

    @Test
    void afterARebootTheRecoveryBringsEverythingBackWithNoStep(@TempDir Path dir) throws Exception {
        try (StandInStack stack = startedStack(dir);
             AppContext context = stack.harness.context(stack.project, stack.dockerHost())) {
            // The app, as it runs in the menu bar: a store kept by the watcher, recovery on every reconnection.
            StackStore store = new StackStore(StackSnapshot.initial(stack.project, context.catalog(), Optional.empty(),
                    daemon.host(), "", ""));
            List<String> steps = new CopyOnWriteArrayList<>();
            List<StackRecovery.Report> reports = new CopyOnWriteArrayList<>();
            try (EngineWatcher watcher = new EngineWatcher(context.engine(), store)) {
                StackActions actions = context.stackActions(store);
                StackRecovery recovery = context.recovery(store, actions, watcher,
                        p -> steps.add(p.describe()), reports::add);
                watcher.onConnected(() -> recovery.trigger("Docker is reachable again"));
                watcher.relistNow();
                watcher.start();
                await().atMost(Duration.ofSeconds(10)).until(() -> store.current().status("postgres").isReady());

                reboot(stack);

                await().atMost(RECOVERY_DEADLINE).pollInterval(Duration.ofMillis(500)).until(() ->
                        reports.stream().anyMatch(r -> r.didSomething() && r.result().succeeded()));
                assertThat(steps).anyMatch(s -> s.startsWith(": recovering"))
                        .contains("vault: unsealed with the stored shares")
                        .anyMatch(s -> s.startsWith("restarting vault-agent") || s.startsWith("starting vault-agent"))
                        .noneMatch(s -> s.startsWith("creating"));
                assertThat(stack.harness.vault.isSealed()).isFalse();
                assertAllHealthy(stack);
                assertThat(reports).allMatch(r -> r.result().succeeded());
            }
        }
    }

    @Test
    void anAppUpdateRecreatesExactlyTheServiceWhoseDefinitionChanged(@TempDir Path dir) throws Exception {
        try (StandInStack stack = startedStack(dir)) {
            Map<String, String> before = ids(stack);
            String data = stack.docker("exec", stack.containerId("postgres"), "cat", "/data/created").output();
            assertThat(stale(stack)).isEmpty();

            stack.changeDefinition("SETTING: \"one\"", "SETTING: \"two\"");
            assertThat(stale(stack)).containsExactly("postgres");
            CliRun up = stack.cli("up", "postgres", "prometheus", "--timeout", "60");

            assertThat(up.exitCode()).as(up.out() + up.err()).isZero();
            assertThat(up.out()).contains("postgres: recreated: definition changed",
                    "4 services ready: 1 recreated, 3 already up");
            Map<String, String> after = ids(stack);
            assertThat(after.get("postgres")).isNotEqualTo(before.get("postgres"));
            for (String unchanged : List.of("vault", "vault-agent", "prometheus")) {
                assertThat(after.get(unchanged)).as(unchanged).isEqualTo(before.get(unchanged));
            }
            assertThat(stack.inspect("postgres", "{{.Config.Env}}")).contains("SETTING=two");
            assertThat(stack.docker("exec", stack.containerId("postgres"), "cat", "/data/created").output())
                    .as("the data volume is kept").isEqualTo(data);
            assertAllHealthy(stack);
            assertThat(stale(stack)).isEmpty();
        }
    }

    private static StandInStack startedStack(Path dir) {
        StandInStack stack = new StandInStack(dir, Optional.of(daemon)).bootstrapped();
        CliRun up = stack.cli("up", "postgres", "prometheus", "--timeout", "60");
        assertThat(up.exitCode()).as(up.out() + up.err()).isZero();
        assertAllHealthy(stack);
        return stack;
    }

    /** Vault seals (it restarts sealed); the daemon stops with the containers running, then starts again. */
    private static void reboot(StandInStack stack) {
        stack.harness.vault.seal();
        daemon.stop();
        daemon.startAgain();
    }

    private static void assertRebootLeftWhatAReallyRebootLeaves(StandInStack stack) {
        await().atMost(Duration.ofSeconds(30)).until(() -> stack.inspect("postgres", "{{.RestartCount}}")
                .matches("[1-9][0-9]*"));
        assertThat(stack.inspect("vault-agent", "{{.State.Status}}")).as("restart: no").isEqualTo("exited");
        assertThat(stack.inspect("prometheus", "{{.State.Status}}")).isEqualTo("running");
        assertThat(stack.inspect("vault", "{{.State.Status}}")).isEqualTo("running");
        assertThat(stack.docker("logs", stack.containerId("postgres")).output()).contains("no password file");
    }

    private static void assertAllHealthy(StandInStack stack) {
        for (String service : List.of("vault", "vault-agent", "postgres", "prometheus")) {
            assertThat(stack.inspect(service, "{{.State.Health.Status}}")).as(service).isEqualTo("healthy");
        }
    }

    private static Map<String, String> ids(StandInStack stack) {
        return Map.of("vault", stack.containerId("vault"), "vault-agent", stack.containerId("vault-agent"),
                "postgres", stack.containerId("postgres"), "prometheus", stack.containerId("prometheus"));
    }

    private static List<String> stale(StandInStack stack) throws Exception {
        CliRun status = stack.cli("status", "--json");
        assertThat(status.exitCode()).as(status.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(status.out());
        List<String> stale = new CopyOnWriteArrayList<>();
        doc.path("services").forEach(s -> {
            if (s.path("stale").asBoolean(false)) {
                stale.add(s.path("name").asText());
            }
        });
        return stale;
    }
}
