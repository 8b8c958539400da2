package io.colimaservices.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static io.colimaservices.domain.FakeEngine.Behaviour.exitsAfter;
import static io.colimaservices.domain.FakeEngine.Behaviour.healthyAfter;
import static io.colimaservices.domain.FakeEngine.Behaviour.runs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * {@link StackActions} on the simulating fake engine, whose daemon clock is 10 minutes ahead of the host's, or
 * behind it (a Colima VM's clock after sleep). Nothing here may depend on the host's clock agreeing with the
 * daemon's.
 */
class StackActionsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    static Stream<Duration> skews() {
        return Stream.of(Duration.ofMinutes(10), Duration.ofMinutes(-10));
    }

    // ---- readiness on the daemon's clock ------------------------------------------------------------------------

    @ParameterizedTest(name = "daemon clock {0} from the host''s")
    @MethodSource("skews")
    void aOneShotJobThatCompletesLetsItsDependentStart(Duration skew) {
        Catalog catalog = catalog(checked("db"), oneShot("migrate", healthy("db")), plain("api",
                new Dependency("migrate", DependencyCondition.SERVICE_COMPLETED_SUCCESSFULLY)));
        try (Stack stack = new Stack(skew, catalog)) {
            stack.compose.service("db", healthyAfter(Duration.ofMillis(150)), true)
                    .service("migrate", exitsAfter(Duration.ofMillis(200), 0), false)
                    .service("api", runs(), true);

            ActionResult result = stack.actions.up(List.of("api"), TIMEOUT, stack.progress::add);

            assertThat(result.succeeded()).as(stack.lines().toString()).isTrue();
            assertThat(stack.lines()).anyMatch(l -> l.startsWith("migrate completed after"))
                    .anyMatch(l -> l.startsWith("api running after"));
            assertThat(stack.index("starting api")).isGreaterThan(stack.index("migrate completed"));
        }
    }

    @ParameterizedTest(name = "daemon clock {0} from the host''s")
    @MethodSource("skews")
    void aOneShotJobThatFailsStopsTheStart(Duration skew) {
        Catalog catalog = catalog(oneShot("migrate"), plain("api",
                new Dependency("migrate", DependencyCondition.SERVICE_COMPLETED_SUCCESSFULLY)));
        try (Stack stack = new Stack(skew, catalog)) {
            stack.compose.service("migrate", exitsAfter(Duration.ofMillis(100), 2), false)
                    .service("api", runs(), true);

            ActionResult result = stack.actions.up(List.of("api"), TIMEOUT, stack.progress::add);

            assertThat(result.failure().orElseThrow().service()).isEqualTo("migrate");
            assertThat(result.failure().orElseThrow().reason()).isEqualTo("exited with code 2");
            assertThat(stack.lines()).contains("api not started: migrate failed");
        }
    }

    @ParameterizedTest(name = "daemon clock {0} from the host''s")
    @MethodSource("skews")
    void aServiceThatCrashesAtStartFails(Duration skew) {
        try (Stack stack = new Stack(skew, catalog(plain("crashy")))) {
            stack.compose.service("crashy", exitsAfter(Duration.ofMillis(300), 3), false);

            ActionResult result = stack.actions.up(List.of("crashy"), TIMEOUT, stack.progress::add);

            assertThat(result.failure().orElseThrow().reason()).isEqualTo("exited with code 3");
        }
    }

    @ParameterizedTest(name = "daemon clock {0} from the host''s")
    @MethodSource("skews")
    void aServiceInACrashLoopFailsAlthoughItKeepsComingBack(Duration skew) {
        try (Stack stack = new Stack(skew, catalog(plain("crashy")))) {
            stack.compose.service("crashy", exitsAfter(Duration.ofMillis(200), 3), true);

            ActionResult result = stack.actions.up(List.of("crashy"), TIMEOUT, stack.progress::add);

            assertThat(result.failure().orElseThrow().reason()).isEqualTo("exited with code 3");
        }
    }

    @ParameterizedTest(name = "daemon clock {0} from the host''s")
    @MethodSource("skews")
    void healthyAndRunningServicesAreReady(Duration skew) {
        try (Stack stack = new Stack(skew, catalog(checked("db"), plain("worker", healthy("db"))))) {
            stack.compose.service("db", healthyAfter(Duration.ofMillis(300)), true).service("worker", runs(), true);

            long begin = System.nanoTime();
            ActionResult result = stack.actions.up(List.of("worker"), TIMEOUT, stack.progress::add);

            assertThat(result.succeeded()).as(stack.lines().toString()).isTrue();
            assertThat(stack.lines()).anyMatch(l -> l.startsWith("db healthy after"))
                    .anyMatch(l -> l.startsWith("worker running after"))
                    .anyMatch(l -> l.startsWith("2 services ready: 2 created in"));
            // "running" means: still running after the settle time, by the daemon's clock.
            assertThat(Duration.ofNanos(System.nanoTime() - begin)).isGreaterThanOrEqualTo(StackActions.SETTLE_TIME);
        }
    }

    @ParameterizedTest(name = "daemon clock {0} from the host''s")
    @MethodSource("skews")
    void aRestartIsJudgedByTheStartThatFollowsItsStopNotByTheStopsExit(Duration skew) {
        try (Stack stack = new Stack(skew, catalog(checked("postgres")))) {
            stack.compose.service("postgres", healthyAfter(Duration.ofMillis(300)), true);
            assertThat(stack.actions.up(List.of("postgres"), TIMEOUT, p -> { }).succeeded()).isTrue();
            stack.engine.daemon().stopExitCode(0);

            ActionResult result = stack.actions.restart("postgres", TIMEOUT, stack.progress::add);

            assertThat(result.succeeded()).as(stack.lines().toString()).isTrue();
            assertThat(stack.lines()).anyMatch(l -> l.startsWith("postgres healthy after"))
                    .anyMatch(l -> l.startsWith("restarted postgres in"));
            assertThat(stack.engine.requests).containsSubsequence("stop postgres", "start postgres");
        }
    }

    @Test
    void aRestartThatDoesNotComeBackFailsWithItsOwnReason() {
        try (Stack stack = new Stack(Duration.ZERO, catalog(checked("postgres")))) {
            stack.compose.service("postgres", healthyAfter(Duration.ofMillis(200)), true);
            assertThat(stack.actions.up(List.of("postgres"), TIMEOUT, p -> { }).succeeded()).isTrue();
            stack.engine.daemon().behave("postgres", exitsAfter(Duration.ofMillis(200), 1));

            ActionResult result = stack.actions.restart("postgres", TIMEOUT, stack.progress::add);

            assertThat(result.failure().orElseThrow().reason()).isEqualTo("exited with code 1");
        }
    }

    @Test
    void aComposeCliThatIsMissingIsSaidOnceWithItsInstallHint() {
        try (Stack stack = new Stack(Duration.ZERO, catalog(checked("postgres")))) {
            stack.compose.service("postgres", healthyAfter(Duration.ofMillis(50)), true);
            stack.compose.failCreate = new UserError(UserError.Kind.CONFIGURATION, "cannot make the containers of "
                    + "postgres: no compose CLI found (docker compose or docker-compose)",
                    "install it: brew install docker-compose");

            ActionResult result = stack.actions.up(List.of("postgres"), TIMEOUT, stack.progress::add);

            assertThat(result.failure().orElseThrow().reason()).isEqualTo("cannot make the containers of postgres: "
                    + "no compose CLI found (docker compose or docker-compose); install it: brew install "
                    + "docker-compose");
            assertThat(stack.progress).filteredOn(p -> p instanceof StackProgress.Failed).hasSize(1);
        }
    }

    // ---- whatever state it finds --------------------------------------------------------------------------------

    @Test
    void servicesAlreadyReadyAreLeftAloneAndCountedAsSuch() {
        try (Stack stack = new Stack(Duration.ZERO, catalog(checked("db"), plain("api", healthy("db"))))) {
            stack.compose.service("db", healthyAfter(Duration.ofMillis(100)), true).service("api", runs(), true);
            assertThat(stack.actions.up(List.of("api"), TIMEOUT, p -> { }).succeeded()).isTrue();
            stack.engine.requests.clear();

            ActionResult again = stack.actions.up(List.of("api"), TIMEOUT, stack.progress::add);

            assertThat(again.succeeded()).isTrue();
            assertThat(stack.engine.requests).isEmpty();
            assertThat(stack.lines()).contains("db already up", "api already up")
                    .anyMatch(l -> l.startsWith("2 services ready: 2 already up in"));
        }
    }

    @Test
    void everyMissingContainerIsCreatedByOneComposeCallAndNoHashIsAskedForNothing() {
        Catalog catalog = catalog(checked("a"), checked("b", healthy("a")), plain("c", healthy("b")));
        try (Stack stack = new Stack(Duration.ZERO, catalog)) {
            stack.compose.service("a", healthyAfter(Duration.ofMillis(50)), true)
                    .service("b", healthyAfter(Duration.ofMillis(50)), true).service("c", runs(), true);

            assertThat(stack.actions.up(List.of("c"), TIMEOUT, stack.progress::add).succeeded()).isTrue();

            assertThat(stack.compose.calls).containsExactly("create a b c");
            assertThat(stack.engine.requests).containsExactly("start a", "start b", "start c");
        }
    }

    @Test
    void aChangedDefinitionIsRecreatedAndOnlyThatOne() {
        Catalog catalog = catalog(checked("a"), checked("b", healthy("a")), checked("c", healthy("a")));
        try (Stack stack = new Stack(Duration.ZERO, catalog)) {
            stack.compose.service("a", healthyAfter(Duration.ofMillis(50)), true)
                    .service("b", healthyAfter(Duration.ofMillis(50)), true)
                    .service("c", healthyAfter(Duration.ofMillis(50)), true);
            assertThat(stack.actions.up(List.of("b", "c"), TIMEOUT, p -> { }).succeeded()).isTrue();
            String oldB = stack.engine.daemon().idOf("b").orElseThrow();
            String oldC = stack.engine.daemon().idOf("c").orElseThrow();
            stack.compose.calls.clear();
            stack.compose.changeDefinition("b");

            ActionResult result = stack.actions.up(List.of("b", "c"), TIMEOUT, stack.progress::add);

            assertThat(result.succeeded()).as(stack.lines().toString()).isTrue();
            // A "changed" is confirmed by asking compose afresh before anything is recreated.
            assertThat(stack.compose.calls).containsExactly("hash a b c", "hash b", "recreate b");
            assertThat(stack.lines()).contains("b: recreated: definition changed")
                    .anyMatch(l -> l.startsWith("3 services ready: 1 recreated, 2 already up in"));
            assertThat(stack.engine.daemon().idOf("b").orElseThrow()).isNotEqualTo(oldB);
            assertThat(stack.engine.daemon().idOf("c").orElseThrow()).isEqualTo(oldC);
            assertThat(stack.store.current().status("b").health()).isEqualTo(HealthStatus.HEALTHY);
        }
    }

    @Test
    void recreateReplacesTheContainerEvenWithAnUnchangedDefinition() {
        try (Stack stack = new Stack(Duration.ZERO, catalog(checked("a")))) {
            stack.compose.service("a", healthyAfter(Duration.ofMillis(50)), true);
            assertThat(stack.actions.up(List.of("a"), TIMEOUT, p -> { }).succeeded()).isTrue();
            String old = stack.engine.daemon().idOf("a").orElseThrow();

            ActionResult result = stack.actions.recreate("a", TIMEOUT, stack.progress::add);

            assertThat(result.succeeded()).isTrue();
            assertThat(stack.engine.daemon().idOf("a").orElseThrow()).isNotEqualTo(old);
            assertThat(stack.lines()).contains("a: recreated");
        }
    }

    @ParameterizedTest(name = "daemon clock {0} from the host''s")
    @MethodSource("skews")
    void aRunningAgentThatRenderedNothingIsReArmedAndWhatWaitsForSecretsIsRestartedOnce(Duration skew) {
        try (Stack stack = new Stack(skew, secretsCatalog())) {
            stack.secretsStack();
            assertThat(stack.actions.up(List.of("db", "cache"), TIMEOUT, p -> { }).succeeded()).isTrue();
            // A daemon restart: the tmpfs volumes are empty, restart policies start everything at once: the agent
            // comes back unarmed, the consumers crash without their files.
            stack.engine.daemon().reboot();
            await().atMost(Duration.ofSeconds(5)).until(() -> stack.store.current().engine().reachable()
                    && stack.store.current().status("agent").isRunning());
            stack.engine.requests.clear();
            stack.hooks.calls.clear();

            ActionResult result = stack.actions.up(List.of("db", "cache"), TIMEOUT, stack.progress::add);

            assertThat(result.succeeded()).as(stack.lines().toString()).isTrue();
            assertThat(stack.hooks.calls).contains("before agent");
            assertThat(stack.lines()).anyMatch(l -> l.startsWith("restarting agent (it runs without having rendered"));
            // cache ran, never healthy without its files: restarted exactly once. db crashes in a loop: started
            // again (Docker's restart policy may beat the app to it), never more than once.
            assertThat(stack.engine.requests.stream().filter("stop cache"::equals)).hasSize(1);
            assertThat(stack.engine.requests.stream().filter(r -> r.endsWith(" db"))).hasSizeLessThanOrEqualTo(2);
            for (String consumer : List.of("db", "cache")) {
                assertThat(stack.store.current().status(consumer).health()).isEqualTo(HealthStatus.HEALTHY);
            }
            assertThat(stack.engine.requests.indexOf("start cache")).isGreaterThan(
                    stack.engine.requests.indexOf("start agent"));
        }
    }

    // ---- recovery -------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "daemon clock {0} from the host''s")
    @MethodSource("skews")
    void afterARebootTheRecoveryBringsEverythingBackWithoutCreatingAnything(Duration skew) {
        try (Stack stack = new Stack(skew, secretsCatalog())) {
            stack.secretsStack();
            assertThat(stack.actions.up(List.of("db", "cache"), TIMEOUT, p -> { }).succeeded()).isTrue();
            stack.engine.daemon().reboot();
            await().atMost(Duration.ofSeconds(5)).until(() -> stack.store.current().engine().reachable());
            stack.compose.calls.clear();

            StackRecovery.Report report = stack.recovery().recoverNow("Docker came back", stack.progress::add);

            assertThat(report.result().succeeded()).as(stack.lines().toString()).isTrue();
            assertThat(report.services()).containsExactlyInAnyOrder("vault", "agent", "db", "cache");
            assertThat(stack.compose.calls).isEmpty();
            for (String s : List.of("vault", "agent", "db", "cache")) {
                assertThat(stack.store.current().status(s).isReady()).as(s).isTrue();
            }
            assertThat(stack.hooks.kinds).contains("after vault RECOVERY");
        }
    }

    @Test
    void theRecoveryLeavesAloneWhatTheUserStoppedAndDoesNothingWhenAllIsWell() {
        try (Stack stack = new Stack(Duration.ZERO, secretsCatalog())) {
            stack.secretsStack();
            assertThat(stack.actions.up(List.of("db", "cache"), TIMEOUT, p -> { }).succeeded()).isTrue();
            assertThat(stack.recovery().recoverNow("woke", p -> { }).didSomething()).isFalse();
            assertThat(stack.actions.down(List.of("cache"), p -> { }).succeeded()).isTrue();
            stack.engine.daemon().reboot();
            await().atMost(Duration.ofSeconds(5)).until(() -> stack.store.current().engine().reachable());

            StackRecovery.Report report = stack.recovery().recoverNow("Docker came back", stack.progress::add);

            assertThat(report.result().succeeded()).as(stack.lines().toString()).isTrue();
            assertThat(report.services()).doesNotContain("cache");
            assertThat(stack.store.current().status("cache").isRunning()).isFalse();
            assertThat(stack.store.current().status("db").isReady()).isTrue();
        }
    }

    @Test
    void theAppsRecoveryRunsOnItsOwnAfterTheEngineCameBackAndReportsOnce() {
        try (Stack stack = new Stack(Duration.ZERO, secretsCatalog())) {
            stack.secretsStack();
            assertThat(stack.actions.up(List.of("db", "cache"), TIMEOUT, p -> { }).succeeded()).isTrue();
            List<StackRecovery.Report> reports = new CopyOnWriteArrayList<>();
            StackRecovery recovery = new StackRecovery(stack.store, stack.actions, stack.watcher::relistNow, TIMEOUT,
                    stack.progress::add, reports::add);
            stack.watcher.onConnected(() -> recovery.trigger("Docker is reachable"));

            stack.engine.daemon().reboot();

            await().atMost(Duration.ofSeconds(15)).until(() -> !reports.isEmpty());
            assertThat(reports).singleElement().satisfies(r -> {
                assertThat(r.why()).isEqualTo("Docker is reachable");
                assertThat(r.result().succeeded()).isTrue();
            });
            assertThat(stack.store.current().status("db").isReady()).isTrue();
        }
    }

    @Test
    void aRecoveryPlanLeavesOutWhatHasNoContainerAndWhatDependsOnIt() {
        Catalog catalog = secretsCatalog();
        StackSnapshot snapshot = Fixtures.snapshot(catalog, Fixtures.running("vault", HealthStatus.UNHEALTHY),
                Fixtures.exited("db", 1), Fixtures.running("cache", HealthStatus.STARTING));

        // db and cache need the agent, which has no container: only vault (up, unhealthy) can be brought back.
        assertThat(StackRecovery.plan(snapshot, Set.of("db"))).containsExactly("vault");
        assertThat(StackRecovery.plan(snapshot, Set.of())).containsExactly("vault");
        StackSnapshot fine = Fixtures.snapshot(catalog, Fixtures.running("vault", HealthStatus.HEALTHY));
        assertThat(StackRecovery.plan(fine, Set.of("vault"))).as("nothing to do").isEmpty();
    }

    @Test
    void aDownDuringARecoveryCancelsIt() throws Exception {
        try (Stack stack = new Stack(Duration.ZERO, secretsCatalog())) {
            stack.secretsStack();
            assertThat(stack.actions.up(List.of("db", "cache"), TIMEOUT, p -> { }).succeeded()).isTrue();
            // The agent now renders nothing even when armed: the recovery waits for it.
            stack.engine.daemon().behave("agent", p -> { });
            stack.engine.daemon().reboot();
            await().atMost(Duration.ofSeconds(5)).until(() -> stack.store.current().engine().reachable());
            List<StackRecovery.Report> reports = new CopyOnWriteArrayList<>();
            Thread recovery = Thread.ofVirtual().start(() ->
                    reports.add(stack.recovery().recoverNow("Docker came back", stack.progress::add)));
            await().atMost(Duration.ofSeconds(5)).until(() -> stack.lines().stream()
                    .anyMatch(l -> l.startsWith("waiting for agent")));

            ActionResult down = stack.actions.down(List.of("vault"), p -> { });
            recovery.join(Duration.ofSeconds(5));

            assertThat(down.succeeded()).isTrue();
            assertThat(reports).singleElement().satisfies(r -> assertThat(r.result().cancelled()).isTrue());
            assertThat(stack.lines()).anyMatch(l -> l.startsWith("cancelled: stopping vault"))
                    .noneMatch(l -> l.startsWith("FAILED"));
            assertThat(stack.actions.desired().load()).isEmpty();
        }
    }

    @Test
    void downCountsWhatItStoppedNotWhatWasAbsent() {
        try (Stack stack = new Stack(Duration.ZERO, catalog(checked("a"), checked("b", healthy("a"))))) {
            stack.compose.service("a", healthyAfter(Duration.ofMillis(50)), true)
                    .service("b", healthyAfter(Duration.ofMillis(50)), true);
            assertThat(stack.actions.up(List.of("a"), TIMEOUT, p -> { }).succeeded()).isTrue();

            assertThat(stack.actions.down(List.of("a"), stack.progress::add).succeeded()).isTrue();

            assertThat(stack.lines()).anyMatch(l -> l.startsWith("stopped 1 service in"));
        }
    }

    // ---- ordering, failure, skip, timeout ------------------------------------------------------------------------

    @Test
    void servicesStartAfterWhatTheyWaitForAndIndependentOnesTogether() {
        Catalog catalog = catalog(checked("db"), checked("cache"), checked("api", healthy("db"), healthy("cache")),
                checked("web", healthy("api")));
        try (Stack stack = new Stack(Duration.ZERO, catalog)) {
            // Long enough that a busy machine cannot make the two starts look sequential.
            stack.compose.service("db", healthyAfter(Duration.ofMillis(800)), true)
                    .service("cache", healthyAfter(Duration.ofMillis(800)), true)
                    .service("api", healthyAfter(Duration.ofMillis(100)), true)
                    .service("web", healthyAfter(Duration.ofMillis(100)), true);

            ActionResult result = stack.actions.up(List.of("web"), TIMEOUT, stack.progress::add);

            assertThat(result.succeeded()).as(stack.lines().toString()).isTrue();
            // db and cache do not wait for each other: both start before either is healthy.
            assertThat(Math.max(stack.index("starting db"), stack.index("starting cache")))
                    .isLessThan(Math.min(stack.index("db healthy"), stack.index("cache healthy")));
            assertThat(stack.index("starting api")).isGreaterThan(stack.index("db healthy"))
                    .isGreaterThan(stack.index("cache healthy"));
            assertThat(stack.index("starting web")).isGreaterThan(stack.index("api healthy"));
            assertThat(stack.lines()).anyMatch(l -> l.startsWith("4 services ready"));

            stack.progress.clear();
            assertThat(stack.actions.down(List.of("db"), stack.progress::add).succeeded()).isTrue();

            // Dependents first: web, then api, then db; cache does not depend on db and keeps running.
            assertThat(stack.engine.requests).containsSubsequence("stop web", "stop api", "stop db")
                    .doesNotContain("stop cache");
            assertThat(stack.store.current().status("cache").isRunning()).isTrue();
        }
    }

    @Test
    void aFailureSkipsWhatWaitsForItAndLeavesWhatStartedRunning() {
        Catalog catalog = catalog(checked("db"), checked("cache"), checked("api", healthy("db"), healthy("cache")),
                checked("worker", healthy("cache")));
        try (Stack stack = new Stack(Duration.ZERO, catalog)) {
            stack.compose.service("db", exitsAfter(Duration.ofMillis(50), 1), false)
                    .service("cache", healthyAfter(Duration.ofMillis(1500)), true)
                    .service("api", runs(), true)
                    .service("worker", runs(), true);

            ActionResult result = stack.actions.up(List.of("api", "worker"), TIMEOUT, stack.progress::add);

            StackProgress.Failed failure = result.failure().orElseThrow();
            assertThat(failure.service()).isEqualTo("db");
            assertThat(failure.reason()).isEqualTo("exited with code 1");
            assertThat(failure.exitCode()).hasValue(1);
            assertThat(stack.lines()).contains("api not started: db failed", "worker not started: db failed");
            assertThat(stack.engine.requests).doesNotContain("start api", "start worker")
                    .doesNotContain("stop cache");
            assertThat(stack.store.current().status("cache").isRunning()).as("what started keeps running").isTrue();
        }
    }

    @Test
    void aServiceThatDoesNotBecomeHealthyInTimeFailsAtTheTimeout() {
        try (Stack stack = new Stack(Duration.ZERO, catalog(checked("slow"), checked("api", healthy("slow"))))) {
            stack.compose.service("slow", runs(), true).service("api", runs(), true);

            long begin = System.nanoTime();
            ActionResult result = stack.actions.up(List.of("api"), Duration.ofSeconds(1), stack.progress::add);
            Duration took = Duration.ofNanos(System.nanoTime() - begin);

            assertThat(result.failure().orElseThrow().service()).isEqualTo("slow");
            assertThat(result.failure().orElseThrow().reason()).isEqualTo("not healthy after 1 s (timeout)");
            assertThat(stack.lines()).contains("api not started: slow failed");
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(1)).isLessThan(TIMEOUT);
        }
    }

    @Test
    void anUnknownTargetIsRefusedBeforeAnythingStarts() {
        try (Stack stack = new Stack(Duration.ZERO, catalog(checked("db")))) {
            stack.compose.service("db", runs(), true);

            assertThatThrownBy(() -> stack.actions.up(List.of("dbb"), TIMEOUT, stack.progress::add))
                    .isInstanceOf(UserError.class).hasMessageContaining("unknown service or group 'dbb'");
            assertThat(stack.engine.requests).noneMatch(r -> r.startsWith("start"));
        }
    }

    // ---- fixtures -----------------------------------------------------------------------------------------------

    /** vault <- agent <- db, cache (both wait for the agent's secrets). */
    private static Catalog secretsCatalog() {
        return catalog(checked("vault"), checked("agent", healthy("vault")),
                checked("db", healthy("vault"), healthy("agent")), checked("cache", healthy("agent")));
    }

    private static Catalog catalog(ServiceDefinition... services) {
        return new Catalog(Path.of("/stack/docker-compose.yml"), List.of(services));
    }

    private static ServiceDefinition checked(String name, Dependency... deps) {
        return Fixtures.service(name, ServiceGroup.DATA, deps);
    }

    private static ServiceDefinition plain(String name, Dependency... deps) {
        ServiceDefinition d = Fixtures.service(name, ServiceGroup.DATA, deps);
        return new ServiceDefinition(d.name(), d.group(), d.image(), d.ports(), d.dependsOn(), false, d.webUiUrl(),
                d.vaultPath(), d.tls(), d.connection(), d.description(), d.profiles(), d.line(), false);
    }

    private static ServiceDefinition oneShot(String name, Dependency... deps) {
        return plain(name, deps).asOneShot();
    }

    private static Dependency healthy(String name) {
        return Fixtures.healthy(name);
    }

    /** Records hook calls; arming the agent is what lets its next start render. */
    private static final class RecordingHooks implements ServiceHooks {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final List<String> kinds = new CopyOnWriteArrayList<>();
        final AtomicBoolean armed = new AtomicBoolean();

        @Override
        public void beforeStart(String service, java.util.function.Consumer<StackProgress> progress) {
            calls.add("before " + service);
            if (service.equals("agent")) {
                armed.set(true);
            }
        }

        @Override
        public boolean afterStart(String service, RunKind kind, java.util.function.Consumer<StackProgress> progress) {
            kinds.add("after " + service + " " + kind);
            return false;
        }
    }

    /** A simulating engine, its compose, a store kept by the real watcher, and the actions. */
    private static final class Stack implements AutoCloseable {
        final FakeEngine engine;
        final FakeProvisioner compose;
        final StackStore store;
        final EngineWatcher watcher;
        final RecordingHooks hooks = new RecordingHooks();
        final StackActions actions;
        final List<StackProgress> progress = new CopyOnWriteArrayList<>();

        Stack(Duration skew, Catalog catalog) {
            engine = new FakeEngine().simulate(skew);
            compose = new FakeProvisioner(engine.daemon());
            store = new StackStore(StackSnapshot.initial("p", catalog, Optional.empty(), "fake://", "", ""));
            watcher = new EngineWatcher(engine, store);
            watcher.relistNow();
            watcher.start();
            actions = new StackActions(engine, compose, store, hooks, new StopLedger(java.time.Clock.systemUTC()),
                    new SecretDelivery("agent", "secrets-"), DesiredServices.inMemory());
        }

        /** The agent renders only when armed since its last start; consumers crash without the secrets. */
        void secretsStack() {
            compose.service("vault", healthyAfter(Duration.ofMillis(50)), true)
                    .service("agent", p -> {
                        if (hooks.armed.getAndSet(false)) {
                            Thread.sleep(100);
                            p.daemon().volumes.put("secrets", true);
                            p.health(HealthStatus.HEALTHY);
                        }
                    }, true);
            // db's wrapper exits without its files (a crash loop under its restart policy); cache waits for them
            // and never gets healthy (it read nothing at start).
            compose.service("db", p -> {
                Thread.sleep(50);
                if (!p.daemon().volumes.containsKey("secrets")) {
                    p.exit(1);
                    return;
                }
                p.health(HealthStatus.HEALTHY);
            }, true).service("cache", p -> {
                if (p.daemon().volumes.containsKey("secrets")) {
                    Thread.sleep(50);
                    p.health(HealthStatus.HEALTHY);
                }
            }, true);
        }

        StackRecovery recovery() {
            return new StackRecovery(store, actions, watcher::relistNow, TIMEOUT, p -> { }, r -> { });
        }

        List<String> lines() {
            return new ArrayList<>(progress.stream().map(StackProgress::describe).toList());
        }

        int index(String prefix) {
            List<String> lines = lines();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(prefix)) {
                    return i;
                }
            }
            throw new AssertionError("no line starting with '" + prefix + "' in " + lines);
        }

        @Override
        public void close() {
            watcher.close();
        }
    }
}
