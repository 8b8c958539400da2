package io.colimaservices.ui.dashboard;

import io.colimaservices.domain.ActionResult;
import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.ServiceDefinition;
import io.colimaservices.domain.ServiceShell;
import io.colimaservices.domain.UserError;
import io.colimaservices.domain.EngineInfo;
import io.colimaservices.domain.HealthStatus;
import io.colimaservices.domain.ServiceStatus;
import io.colimaservices.domain.ServiceUsage;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.StackOperations;
import io.colimaservices.domain.StackProgress;
import io.colimaservices.domain.StatusText;
import io.colimaservices.ui.common.UiExecutors;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;

import static io.colimaservices.domain.Fixtures.exited;
import static io.colimaservices.domain.Fixtures.running;
import static io.colimaservices.domain.Fixtures.smallStack;
import static io.colimaservices.domain.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

/** The ViewModel without a toolkit: synchronous executors apply everything at once. */
class DashboardViewModelTest {
    private final List<String> calls = new ArrayList<>();
    private ActionResult nextResult = ActionResult.OK;
    private Set<String> staleNow = Set.of();

    private final StackOperations operations = new StackOperations() {
        public ActionResult up(List<String> targets, Duration timeout, Consumer<StackProgress> progress) {
            calls.add("up " + targets);
            progress.accept(new StackProgress.Waiting("vault", "healthy"));
            progress.accept(new StackProgress.Ready("vault", "healthy", Duration.ofMillis(4200)));
            return nextResult;
        }

        public ActionResult upTiers(List<String> tiers, Duration timeout, Consumer<StackProgress> progress) {
            calls.add("up tiers " + tiers);
            return nextResult;
        }

        public ActionResult down(List<String> targets, Consumer<StackProgress> progress) {
            calls.add("down " + targets);
            return nextResult;
        }

        public ActionResult restart(String service, Duration timeout, Consumer<StackProgress> progress) {
            calls.add("restart " + service);
            return nextResult;
        }

        public ActionResult recreate(String service, Duration timeout, Consumer<StackProgress> progress) {
            calls.add("recreate " + service);
            return nextResult;
        }

        public Set<String> stale(StackSnapshot snapshot) {
            calls.add("stale? " + snapshot.services().values().stream().filter(ServiceStatus::isRunning)
                    .map(ServiceStatus::service).sorted().toList());
            return staleNow;
        }
    };

    private final DashboardCommands commands = new DashboardCommands() {
        public void openLogs(String service) {
            calls.add("logs " + service);
        }

        public void openUrl(String url) {
            calls.add("url " + url);
        }

        public void openShell(String service, boolean client) {
            calls.add((client ? "client " : "shell ") + service);
        }

        public void copyPlain(String text) {
            calls.add("copy " + text);
        }

        public int useComposeFile(java.nio.file.Path file) {
            calls.add("compose " + file);
            if (file.toString().contains("bad")) {
                throw new io.colimaservices.domain.CatalogException(file, 3, "mapping values are not allowed here");
            }
            return 7;
        }
    };

    private final DashboardViewModel model = new DashboardViewModel(UiExecutors.direct(), UiExecutors.direct(),
            operations, commands, Clock.fixed(Instant.parse("2026-11-27T12:30:00Z"), ZoneOffset.UTC),
            () -> Duration.ofSeconds(120));

    @Test
    void rowsAreGroupsFollowedByTheirServicesWithStateInWords() {
        model.show(snapshot(smallStack(), running("vault", HealthStatus.HEALTHY), exited("redis", 2)));

        assertThat(model.rows()).extracting(r -> (r.groupRow() ? "# " : "") + r.name())
                .containsExactly("# Secrets", "vault", "# Data", "postgres", "redis", "# Git", "forgejo",
                        "# Observability", "grafana");
        ServiceRow vault = model.rows().get(1);
        assertThat(vault.state()).isEqualTo("healthy");
        assertThat(vault.tone()).isEqualTo(StatusText.Tone.OK);
        assertThat(vault.uptime()).isEqualTo("2h 30m");
        assertThat(model.rows().get(2).state()).isEqualTo("stopped, 1 failing");
        assertThat(model.rows().get(4).state()).isEqualTo("exited (2)");
        assertThat(model.rows().get(4).tone()).isEqualTo(StatusText.Tone.BAD);
        assertThat(model.engineLineProperty().get()).isEqualTo("Docker 28.0.1 at unix:///var/run/docker.sock");
        assertThat(model.problemProperty().get()).isEmpty();
    }

    @Test
    void theTierFilterShowsATiersServicesAndThoseWithoutAProfileAndHidesEmptyGroups() {
        model.show(snapshot(io.colimaservices.domain.Fixtures.tieredStack(), running("vault", HealthStatus.HEALTHY)));
        assertThat(model.tiers().choices()).containsExactly(DashboardTierFilter.ALL_TIERS, "minimal", "standard", "full",
                "reference", "lab");
        assertThat(model.rows()).extracting(ServiceRow::name).contains("grafana", "shop", "lab");

        model.tiers().tierProperty().set("minimal");
        assertThat(model.rows()).extracting(r -> (r.groupRow() ? "# " : "") + r.name())
                .containsExactly("# Secrets", "vault", "# Data", "postgres");

        model.tiers().tierProperty().set("reference");
        assertThat(model.rows()).extracting(r -> (r.groupRow() ? "# " : "") + r.name())
                .containsExactly("# Secrets", "vault", "# Apps", "shop");

        model.tiers().tierProperty().set(DashboardTierFilter.ALL_TIERS);
        assertThat(model.rows()).hasSize(10);
    }

    @Test
    void startTierStartsTheTierThroughTheStacksOperations() {
        model.startTier("standard");
        assertThat(calls).containsExactly("up tiers [standard]");
        assertThat(model.progressProperty().get()).isEqualTo("Starting tier standard: done");
    }

    @Test
    void usageShowsOnlyForRunningServices() {
        model.show(snapshot(smallStack(), running("vault", HealthStatus.HEALTHY)));
        model.showUsage(Map.of("vault", new ServiceUsage(12.34, 50L * 1024 * 1024, 0),
                "redis", new ServiceUsage(99, 1, 0)));

        assertThat(model.rows().get(1).cpu()).isEqualTo("12.3 %");
        assertThat(model.rows().get(1).memory()).isEqualTo("50.0 MiB");
        assertThat(model.rows().get(4).cpu()).isEmpty();
        model.clearUsage();
        assertThat(model.rows().get(1).cpu()).isEmpty();
    }

    @Test
    void unreachableEngineShowsTheReason() {
        model.show(snapshot(smallStack()).withEngine(EngineInfo.unreachable("unix:///x.sock", "connection refused")));

        assertThat(model.engineLineProperty().get())
                .isEqualTo("Docker unreachable at unix:///x.sock: connection refused");
        assertThat(model.problemProperty().get()).as("the compose file is fine").isEmpty();
    }

    @Test
    void whileDockerDoesNotAnswerEveryServiceAndGroupIsUnknownAndEngineActionsWaitWithTheReason() {
        model.show(snapshot(smallStack(), running("vault", HealthStatus.HEALTHY))
                .withEngine(EngineInfo.unreachable("unix:///x.sock", "connection refused")));

        assertThat(model.rows()).extracting(ServiceRow::state).containsOnly("unknown");
        assertThat(model.rows()).extracting(ServiceRow::tone).containsOnly(StatusText.Tone.UNKNOWN);
        assertThat(model.rows()).allSatisfy(r -> {
            assertThat(r.canStart()).as(r.name()).isFalse();
            assertThat(r.canStop()).as(r.name()).isFalse();
            assertThat(r.blocked()).contains("Docker unreachable at unix:///x.sock: connection refused");
        });
    }

    @Test
    void beforeDockerFirstAnswersNothingReadsAbsentOrStopped() {
        model.show(snapshot(smallStack()).withEngine(EngineInfo.unknown("unix:///x.sock")));

        assertThat(model.rows()).extracting(ServiceRow::state).containsOnly("unknown");
        assertThat(model.engineLineProperty().get()).isEqualTo("Connecting to Docker at unix:///x.sock");
        assertThat(model.rows().getFirst().blocked()).contains("connecting to Docker at unix:///x.sock");
    }

    @Test
    void stopIsOfferedOnlyForWhatIsUp() {
        model.show(snapshot(smallStack(), running("vault", HealthStatus.HEALTHY), exited("redis", 2)));

        ServiceRow vault = model.rows().get(1);
        ServiceRow postgres = model.rows().get(3);
        ServiceRow redis = model.rows().get(4);
        ServiceRow git = model.rows().get(5);
        assertThat(vault.canStop()).isTrue();
        assertThat(postgres.canStop()).as("absent").isFalse();
        assertThat(redis.canStop()).as("exited").isFalse();
        assertThat(git.canStop()).as("a group with nothing running").isFalse();
        assertThat(postgres.canStart()).isTrue();
    }

    @Test
    void aBrokenComposeFileIsItsOwnProblemAndDockerIsNotBlamed() {
        model.show(new io.colimaservices.domain.StackSnapshot("p",
                io.colimaservices.domain.Catalog.empty(java.nio.file.Path.of("/x/docker-compose.yml")),
                Optional.of("/x/docker-compose.yml: file not found"),
                EngineInfo.reachable("unix:///var/run/docker.sock", "28.0.1"), Map.of(),
                io.colimaservices.domain.VaultState.unknown("http://127.0.0.1:8200"),
                io.colimaservices.domain.VmState.unknown("default"), java.util.Set.of()));

        assertThat(model.engineLineProperty().get()).isEqualTo("Docker 28.0.1 at unix:///var/run/docker.sock");
        assertThat(model.problemProperty().get()).isEqualTo("Compose file /x/docker-compose.yml: file not found");
    }

    @Test
    void actionsRunWithProgressAndReportFailuresWithTheirReasons() {
        model.start("data");
        assertThat(model.progressProperty().get()).isEqualTo("vault healthy after 4.2 s");
        assertThat(model.workingProperty().get()).isFalse();
        assertThat(model.failureProperty().get()).isEmpty();

        nextResult = new ActionResult(Optional.of(new StackProgress.Failed("postgres", "unhealthy",
                Optional.of("pg_isready: no response"), OptionalInt.empty(), List.of("FATAL: bad config"))));
        model.restart("postgres");
        model.stop("git");

        assertThat(model.failureProperty().get()).isEqualTo("postgres failed: unhealthy\n"
                + "last health check: pg_isready: no response\nlast lines:\n  FATAL: bad config");
        assertThat(model.progressProperty().get()).as("the failure is said once, in its block")
                .isEqualTo("Stopping git: failed");
        assertThat(calls).containsExactly("up [data]", "restart postgres", "down [git]");
    }

    @Test
    void portClickCopiesTheLocalAddress() {
        model.copyAddress(5432);
        model.openLogs("vault");

        assertThat(calls).containsExactly("copy localhost:5432", "logs vault");
    }

    @Test
    void aChosenComposeFileAppliesAtOnceAndABadOneSaysWhereItIsBad() {
        model.chooseComposeFile(java.nio.file.Path.of("/x/bad.yml"));

        assertThat(model.failureProperty().get()).contains("/x/bad.yml:3").contains("mapping values");
        assertThat(model.workingProperty().get()).isFalse();

        model.chooseComposeFile(java.nio.file.Path.of("/x/docker-compose.yml"));

        assertThat(calls).containsExactly("compose /x/bad.yml", "compose /x/docker-compose.yml");
        assertThat(model.failureProperty().get()).isEmpty();
        assertThat(model.progressProperty().get()).isEqualTo("Using /x/docker-compose.yml: 7 services");
    }

    @Test
    void aFailureGoesOnceTheServiceThatFailedMovesOnAndStaysWhileItDoesNot() {
        model.show(snapshot(smallStack(), running("vault", HealthStatus.UNHEALTHY)));
        nextResult = new ActionResult(Optional.of(new StackProgress.Failed("vault", "Vault is not initialized",
                Optional.empty(), OptionalInt.empty(), List.of())));
        model.start("forgejo");
        assertThat(model.failureProperty().get()).startsWith("vault failed: Vault is not initialized");

        model.show(snapshot(smallStack(), running("vault", HealthStatus.UNHEALTHY), exited("redis", 1)));
        assertThat(model.failureProperty().get()).as("another service moved, not vault").isNotEmpty();

        model.show(snapshot(smallStack(), running("vault", HealthStatus.HEALTHY)));
        assertThat(model.failureProperty().get()).as("vault initialized and unsealed: healthy").isEmpty();
    }

    @Test
    void aRunningServiceWithAStaleDefinitionIsMarkedAndRecreatedWithOneCall() {
        staleNow = Set.of("postgres");
        model.show(snapshot(smallStack(), running("vault", HealthStatus.HEALTHY),
                running("postgres", HealthStatus.HEALTHY)));

        assertThat(model.rows()).filteredOn(ServiceRow::stale).extracting(ServiceRow::name)
                .containsExactly("postgres");
        assertThat(model.stale().noticeProperty().get())
                .isEqualTo("postgres runs an older definition than the compose file's: Recreate applies it.");
        model.recreate("postgres");
        assertThat(model.progressProperty().get()).isEqualTo("Recreating postgres: done");
        assertThat(calls).containsExactly("stale? [postgres, vault]", "recreate postgres");
    }

    @Test
    void staleIsAskedAgainOnlyWhenWhatRunsChanged() {
        Catalog stack = smallStack();
        staleNow = Set.of("postgres");
        model.show(snapshot(stack, running("postgres", HealthStatus.HEALTHY)));
        model.show(snapshot(stack, running("postgres", HealthStatus.HEALTHY)));
        model.showUsage(Map.of());
        staleNow = Set.of();
        model.show(snapshot(stack, running("postgres", HealthStatus.HEALTHY), running("vault", HealthStatus.HEALTHY)));
        model.show(snapshot(stack, exited("postgres", 0)));
        assertThat(calls).containsExactly("stale? [postgres]", "stale? [postgres, vault]");
        assertThat(model.rows()).noneMatch(ServiceRow::stale);
        assertThat(model.stale().noticeProperty().get()).isEmpty();

        model.show(snapshot(smallStack(), running("postgres", HealthStatus.HEALTHY)));
        assertThat(calls).as("a reloaded catalog is asked about again").endsWith("stale? [postgres]");
    }

    @Test
    void aComposeCliThatCannotTellLeavesNoMark() {
        StackOperations failing = new StackOperations() {
            public ActionResult up(List<String> t, Duration d, Consumer<StackProgress> p) {
                return ActionResult.OK;
            }

            public ActionResult upTiers(List<String> t, Duration d, Consumer<StackProgress> p) {
                return ActionResult.OK;
            }

            public ActionResult down(List<String> t, Consumer<StackProgress> p) {
                return ActionResult.OK;
            }

            public ActionResult restart(String s, Duration d, Consumer<StackProgress> p) {
                return ActionResult.OK;
            }

            public ActionResult recreate(String s, Duration d, Consumer<StackProgress> p) {
                return ActionResult.OK;
            }

            public Set<String> stale(StackSnapshot snapshot) {
                throw new UserError(UserError.Kind.DOCKER_UNREACHABLE, "docker compose config failed", "");
            }
        };
        DashboardViewModel other = new DashboardViewModel(UiExecutors.direct(), UiExecutors.direct(), failing,
                commands, Clock.systemUTC(), () -> Duration.ofSeconds(120));
        other.show(snapshot(smallStack(), running("postgres", HealthStatus.HEALTHY)));

        assertThat(other.rows()).noneMatch(ServiceRow::stale);
        assertThat(other.failureProperty().get()).isEmpty();
    }

    @Test
    void aServiceThatDeclaresAClientOffersItsClient() {
        model.show(snapshot(withClient(), running("postgres", HealthStatus.HEALTHY)));

        assertThat(model.rows()).filteredOn(ServiceRow::hasClient).extracting(ServiceRow::name)
                .containsExactly("postgres");
        model.openClient("postgres");
        model.openShell("postgres");
        assertThat(calls).endsWith("client postgres", "shell postgres");
    }

    /** {@code smallStack()} where postgres declares a client ({@code io.colima-services.client}). */
    static Catalog withClient() {
        Catalog small = smallStack();
        return new Catalog(small.source(), small.services().stream().map(d -> !d.name().equals("postgres") ? d
                : new ServiceDefinition(d.name(), d.group(), d.image(), d.ports(), d.dependsOn(), d.hasHealthCheck(),
                d.webUiUrl(), d.vaultPath(), d.tls(), d.connection(), d.description(), d.profiles(), d.line(),
                d.oneShot(), d.hasBuild(), Map.of(ServiceShell.CLIENT_LABEL, "psql -U app"), d.volumes())).toList());
    }
}
