package io.colimaservices.tray;

import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.ConnectionKind;
import io.colimaservices.domain.HealthStatus;
import io.colimaservices.domain.PortBinding;
import io.colimaservices.domain.ServiceDefinition;
import io.colimaservices.domain.ServiceGroup;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.TlsCapability;
import io.colimaservices.domain.VaultPhase;
import io.colimaservices.domain.VaultState;
import io.colimaservices.domain.VmPhase;
import io.colimaservices.domain.VmState;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.colimaservices.domain.Fixtures.exited;
import static io.colimaservices.domain.Fixtures.healthy;
import static io.colimaservices.domain.Fixtures.running;
import static io.colimaservices.domain.Fixtures.service;
import static io.colimaservices.domain.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

/** The menu model, without AWT: what it shows for each state and what each item does. */
class TrayMenuBuilderTest {
    private final RecordingCommands commands = new RecordingCommands();
    private final TrayMenuBuilder builder = new TrayMenuBuilder(commands);

    private static Catalog stack() {
        ServiceDefinition postgres = new ServiceDefinition("postgres", ServiceGroup.DATA, "postgres:17",
                List.of(PortBinding.tcp(5432, 5432)), List.of(healthy("vault")), true, Optional.empty(),
                Optional.of("secret/postgresql"), new TlsCapability(true, List.of()),
                Optional.of(ConnectionKind.POSTGRESQL), "PostgreSQL", Set.of(), 1, false,
                java.util.Map.of(io.colimaservices.domain.ServiceShell.CLIENT_LABEL, "exec psql"));
        ServiceDefinition grafana = new ServiceDefinition("grafana", ServiceGroup.OBSERVABILITY, "grafana/grafana:11",
                List.of(PortBinding.tcp(3001, 3000)), List.of(), true, Optional.of("http://localhost:3001"),
                Optional.empty(), TlsCapability.NONE, Optional.of(ConnectionKind.HTTP), "Grafana", Set.of(), 1);
        return new Catalog(Path.of("/s/docker-compose.yml"), List.of(service("vault", ServiceGroup.SECRETS),
                postgres, service("redis", ServiceGroup.DATA), grafana));
    }

    private static StackSnapshot unsealed(StackSnapshot s) {
        return s.withVault(new VaultState("http://127.0.0.1:8200", VaultPhase.UNSEALED, 0, 3, 5, Optional.of("1.20"),
                false, Optional.empty())).withVm(VmState.of("default", VmPhase.RUNNING));
    }

    private static MenuEntry.Submenu submenu(List<MenuEntry> entries, String startsWith) {
        return entries.stream().filter(e -> e instanceof MenuEntry.Submenu m && m.label().contains(startsWith))
                .map(MenuEntry.Submenu.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no submenu " + startsWith + " in " + entries));
    }

    static MenuEntry.Action action(List<MenuEntry> menu, String id) {
        return menu.stream().filter(e -> e instanceof MenuEntry.Action a && a.id().equals(id))
                .map(MenuEntry.Action.class::cast).findFirst().orElseThrow(() -> new AssertionError("no " + id));
    }

    @Test
    void theLastBackupsAgeShowsWithAWarningWhenTheScheduleIsLateAndOpensTheBackupsPage() {
        StackSnapshot s = unsealed(snapshot(stack(), running("vault", HealthStatus.HEALTHY)));
        assertThat(builder.build(s)).noneMatch(e -> e instanceof MenuEntry.Action a && a.id().equals("backups"));

        java.util.concurrent.atomic.AtomicReference<Optional<String>> line = new java.util.concurrent.atomic
                .AtomicReference<>(Optional.of(io.colimaservices.domain.backup.BackupText.menuLine(
                Optional.of(java.time.Duration.ofHours(5)), false)));
        TrayMenuBuilder withBackups = new TrayMenuBuilder(commands, () -> "standard", line::get, () -> true);
        assertThat(action(withBackups.build(s), "backups").label()).isEqualTo("Last backup: 5 h ago");
        line.set(Optional.of(io.colimaservices.domain.backup.BackupText.menuLine(
                Optional.of(java.time.Duration.ofHours(27)), true)));
        MenuEntry.Action late = action(withBackups.build(s), "backups");
        assertThat(late.label()).isEqualTo("\u26a0 Last backup: 27 h ago, older than the daily schedule");
        late.action().run();
        assertThat(commands.calls).containsExactly("section backups");
        assertThat(io.colimaservices.domain.backup.BackupText.menuLine(Optional.empty(), true))
                .isEqualTo("\u26a0 No backup yet (daily backups are on)");
        assertThat(io.colimaservices.domain.backup.BackupText.ago(java.time.Duration.ofDays(3))).isEqualTo(
                "3 days ago");
    }

    @Test
    void whileSetupIsOpenTheFirstItemIsFinishSetupAndItGoesOnceSetupIsFinished() {
        java.util.concurrent.atomic.AtomicBoolean finished = new java.util.concurrent.atomic.AtomicBoolean(false);
        TrayMenuBuilder withSetup = new TrayMenuBuilder(commands, () -> "standard", Optional::empty, finished::get);
        StackSnapshot s = unsealed(snapshot(stack(), running("vault", HealthStatus.HEALTHY)));

        MenuEntry first = withSetup.build(s).getFirst();
        assertThat(first.label()).isEqualTo("Finish setup\u2026");
        ((MenuEntry.Action) first).action().run();
        assertThat(commands.calls).containsExactly("section setup");

        finished.set(true);
        assertThat(withSetup.build(s)).extracting(MenuEntry::label).doesNotContain("Finish setup\u2026");
        assertThat(builder.build(s)).extracting(MenuEntry::label).doesNotContain("Finish setup\u2026");
    }

    @Test
    void groupsShowTheirSummaryAndServicesTheirStateWithShapeAndWords() {
        StackSnapshot s = unsealed(snapshot(stack(), running("vault", HealthStatus.HEALTHY), exited("redis", 137),
                running("postgres", HealthStatus.HEALTHY)));

        List<MenuEntry> menu = builder.build(s);

        assertThat(menu.getFirst()).isEqualTo(new MenuEntry.Info("Degraded: redis"));
        MenuEntry.Submenu data = submenu(menu, "Data");
        assertThat(data.label()).isEqualTo("\u2716 Data (1/2 up, 1 failing)");
        assertThat(data.entries()).extracting(MenuEntry::label).contains("Start Data", "Stop Data",
                "\u25CF postgres  healthy", "\u2716 redis  exited (137)");
    }

    @Test
    void startTierListsEachTierWithItsCountMarksTheDefaultAndStartsIt() {
        StackSnapshot s = unsealed(snapshot(io.colimaservices.domain.Fixtures.tieredStack()));
        TrayMenuBuilder withDefault = new TrayMenuBuilder(commands, () -> "minimal", Optional::empty, () -> true);

        MenuEntry.Submenu tiers = submenu(withDefault.build(s), "Start Tier");
        assertThat(tiers.entries()).extracting(MenuEntry::label).containsExactly(
                "Minimal (2 services) \u2014 default", "Standard (3 services)", "Full (4 services)",
                "Reference (2 services)", "Lab (2 services)");
        action(tiers.entries(), "start-tier-full").action().run();
        assertThat(commands.calls).containsExactly("start tier full");
    }

    @Test
    void aServiceOffersItsDailyActions() {
        StackSnapshot s = unsealed(snapshot(stack(), running("postgres", HealthStatus.HEALTHY),
                running("grafana", HealthStatus.HEALTHY)));
        List<MenuEntry> postgres = submenu(submenu(builder.build(s), "Data").entries(), "postgres").entries();
        List<MenuEntry> grafana = submenu(submenu(builder.build(s), "Observability").entries(), "grafana").entries();

        action(postgres, "copy-url-postgres").action().run();
        action(postgres, "copy-password-postgres").action().run();
        action(postgres, "logs-postgres").action().run();
        action(postgres, "restart-postgres").action().run();
        action(postgres, "tls-off-postgres").action().run();
        action(grafana, "open-grafana").action().run();

        assertThat(commands.calls).containsExactly("copy-url postgres", "copy-password postgres", "logs postgres",
                "restart postgres", "tls postgres false", "url http://localhost:3001");
    }

    @Test
    void aRunningServiceOpensAShellAndItsClientWhereItDeclaresOne() {
        StackSnapshot s = unsealed(snapshot(stack(), running("postgres", HealthStatus.HEALTHY),
                running("grafana", HealthStatus.HEALTHY), exited("redis", 0)));
        List<MenuEntry> data = submenu(builder.build(s), "Data").entries();
        List<MenuEntry> postgres = submenu(data, "postgres").entries();
        List<MenuEntry> grafana = submenu(submenu(builder.build(s), "Observability").entries(), "grafana").entries();

        action(postgres, "shell-postgres").action().run();
        action(postgres, "client-postgres").action().run();
        action(grafana, "shell-grafana").action().run();

        assertThat(commands.calls).containsExactly("shell postgres", "client postgres", "shell grafana");
        assertThat(grafana).extracting(MenuEntry::label).doesNotContain("Open Client");
        assertThat(action(submenu(data, "redis").entries(), "shell-redis").enabled())
                .as("a stopped service has no shell").isFalse();
    }

    @Test
    void credentialsNeedAnUnsealedVault() {
        StackSnapshot sealed = snapshot(stack(), running("postgres", HealthStatus.HEALTHY)).withVault(
                new VaultState("http://127.0.0.1:8200", VaultPhase.SEALED, 1, 3, 5, Optional.empty(), false,
                        Optional.empty()));
        List<MenuEntry> menu = builder.build(sealed);

        assertThat(menu).contains(new MenuEntry.Info("Vault: sealed (1/3)"));
        action(menu, "vault-unseal").action().run();
        assertThat(commands.calls).containsExactly("unseal");
        List<MenuEntry> postgres = submenu(submenu(menu, "Data").entries(), "postgres").entries();
        assertThat(action(postgres, "copy-password-postgres").enabled()).isFalse();
        assertThat(action(postgres, "tls-on-postgres").enabled()).isFalse();
    }

    @Test
    void vmLineOffersStartWhenStoppedAndStopWhenRunning() {
        List<MenuEntry> stopped = builder.build(snapshot(stack()).withVm(VmState.of("default", VmPhase.STOPPED)));
        assertThat(stopped.getFirst()).isEqualTo(new MenuEntry.Info("Colima VM stopped"));
        action(stopped, "vm-start").action().run();
        List<MenuEntry> runningVm = builder.build(unsealed(snapshot(stack())));
        action(runningVm, "vm-stop").action().run();

        assertThat(commands.calls).containsExactly("vm start", "vm stop");
    }

    @Test
    void busyOperationsShowInTheMenu() {
        List<MenuEntry> menu = builder.build(unsealed(snapshot(stack())).withBusy(Set.of("Starting data")));

        assertThat(menu.get(0)).isEqualTo(new MenuEntry.Info("Working"));
        assertThat(menu.get(1)).isEqualTo(new MenuEntry.Info("\u21bb Starting data\u2026"));
    }

    @Test
    void groupAndGlobalActionsCallTheCommands() {
        List<MenuEntry> menu = builder.build(unsealed(snapshot(stack(), running("postgres", HealthStatus.HEALTHY))));

        action(submenu(menu, "Data").entries(), "start-data").action().run();
        action(submenu(menu, "Data").entries(), "stop-data").action().run();
        action(menu, "open-dashboard").action().run();
        action(menu, "preferences").action().run();
        action(menu, "quit").action().run();

        assertThat(commands.calls).containsExactly("start data", "stop data", "open", "section preferences", "quit");
    }

    @Test
    void sameStateBuildsAnEqualMenuSoTheAdapterSkipsTheRedraw() {
        StackSnapshot s = snapshot(stack(), running("vault", HealthStatus.HEALTHY));

        assertThat(builder.build(s)).isEqualTo(builder.build(s));
        assertThat(builder.build(s)).isNotEqualTo(builder.build(snapshot(stack())));
    }

    @Test
    void whileDockerDoesNotAnswerGroupsAndServicesAreUnknownWithTheReasonAndTheirActionsWait() {
        StackSnapshot s = unsealed(snapshot(stack(), running("postgres", HealthStatus.HEALTHY)))
                .withEngine(io.colimaservices.domain.EngineInfo.unreachable("unix:///x.sock", "connection refused"));

        List<MenuEntry> menu = builder.build(s);

        assertThat(menu).contains(new MenuEntry.Info(
                "Services unknown: Docker unreachable at unix:///x.sock: connection refused"));
        MenuEntry.Submenu data = submenu(menu, "Data");
        assertThat(data.label()).isEqualTo("\u25CC Data (unknown)");
        assertThat(action(data.entries(), "start-data").enabled()).isFalse();
        assertThat(action(data.entries(), "stop-data").enabled()).isFalse();
        MenuEntry.Submenu postgres = submenu(data.entries(), "postgres");
        assertThat(postgres.label()).isEqualTo("\u25CC postgres  unknown");
        assertThat(postgres.entries()).filteredOn(e -> e instanceof MenuEntry.Action a && (a.id().startsWith("start-")
                || a.id().startsWith("stop-") || a.id().startsWith("restart-"))).allSatisfy(e ->
                assertThat(((MenuEntry.Action) e).enabled()).isFalse());
    }

    @Test
    void noSectionIsEmptyWhenTheCatalogHasNoGroups() {
        StackSnapshot s = new StackSnapshot("p", Catalog.empty(Path.of("/x/docker-compose.yml")),
                Optional.of("/x/docker-compose.yml: file not found"),
                io.colimaservices.domain.EngineInfo.unknown("unix:///x.sock"), java.util.Map.of(),
                VaultState.unknown("http://127.0.0.1:8200"), VmState.unknown("default"), Set.of());

        List<MenuEntry> menu = builder.build(s);

        for (int i = 1; i < menu.size(); i++) {
            assertThat(menu.get(i) instanceof MenuEntry.Separator && menu.get(i - 1) instanceof MenuEntry.Separator)
                    .as("two separators at %d in %s", i, menu).isFalse();
        }
        assertThat(menu.getFirst()).isNotInstanceOf(MenuEntry.Separator.class);
    }
}
