package io.colimaservices.tray;

import io.colimaservices.domain.GroupSummary;
import io.colimaservices.domain.ServiceDefinition;
import io.colimaservices.domain.ServiceGroup;
import io.colimaservices.domain.ServiceShell;
import io.colimaservices.domain.ServiceStatus;
import io.colimaservices.domain.StackHealth;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.StatusText;
import io.colimaservices.domain.Tiers;
import io.colimaservices.domain.VaultPhase;
import io.colimaservices.domain.VaultServices;
import io.colimaservices.domain.VmPhase;
import io.colimaservices.domain.VmState;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Builds the tray menu from a snapshot: a pure function, tested without AWT. The daily work in two clicks: the VM,
 * Vault, each group with Start and Stop, each service with its actions, the dashboard.
 */
public final class TrayMenuBuilder {
    private final MenuCommands commands;
    private final Supplier<String> defaultTier;
    private final Supplier<Optional<String>> backupLine;
    private final BooleanSupplier setupFinished;

    public TrayMenuBuilder(MenuCommands commands) {
        this(commands, () -> io.colimaservices.domain.AppSettings.DEFAULT_TIER, Optional::empty, () -> true);
    }

    /**
     * @param defaultTier   the settings' default tier, marked in "Start Tier"
     * @param backupLine    the last backup's age (and a warning when the schedule is late); opens the Backups page
     * @param setupFinished false while a required setup step is not done: the menu then starts with "Finish setup"
     */
    public TrayMenuBuilder(MenuCommands commands, Supplier<String> defaultTier, Supplier<Optional<String>> backupLine,
                           BooleanSupplier setupFinished) {
        this.commands = commands;
        this.defaultTier = defaultTier;
        this.backupLine = backupLine;
        this.setupFinished = setupFinished;
    }

    public List<MenuEntry> build(StackSnapshot snapshot) {
        List<MenuEntry> menu = new ArrayList<>();
        if (!setupFinished.getAsBoolean()) {
            menu.add(new MenuEntry.Action("finish-setup", "Finish setup\u2026", true, () -> commands.openSection("setup")));
        }
        menu.add(new MenuEntry.Info(headline(snapshot)));
        snapshot.busy().stream().sorted().forEach(b -> menu.add(new MenuEntry.Info("\u21bb " + b + "\u2026")));
        snapshot.catalogError().ifPresent(e -> menu.add(new MenuEntry.Info("Compose file error: " + e)));
        snapshot.unknownReason().ifPresent(why -> menu.add(new MenuEntry.Info("Services unknown: " + why)));
        menu.add(new MenuEntry.Separator());
        addVm(menu, snapshot.vm());
        menu.add(new MenuEntry.Separator());
        addVault(menu, snapshot);
        backupLine.get().ifPresent(line -> menu.add(new MenuEntry.Action("backups", line, true,
                () -> commands.openSection("backups"))));
        menu.add(new MenuEntry.Separator());
        boolean canAct = snapshot.engine().reachable();
        for (Map.Entry<ServiceGroup, List<ServiceDefinition>> group : snapshot.catalog().groups().entrySet()) {
            menu.add(group(snapshot, group.getKey(), group.getValue(), canAct));
        }
        menu.add(tiers(snapshot, canAct));
        menu.add(new MenuEntry.Separator());
        menu.add(new MenuEntry.Action("open-dashboard", "Open Dashboard", true, commands::openDashboard));
        menu.add(new MenuEntry.Action("preferences", "Preferences\u2026", true,
                () -> commands.openSection("preferences")));
        menu.add(new MenuEntry.Separator());
        menu.add(new MenuEntry.Action("quit", "Quit Colima Services", true, commands::quit));
        return withoutEmptySections(menu);
    }

    /** No separator after another (a section with nothing in it, e.g. no groups while the compose file is bad). */
    static List<MenuEntry> withoutEmptySections(List<MenuEntry> entries) {
        List<MenuEntry> kept = new ArrayList<>();
        for (MenuEntry e : entries) {
            boolean separator = e instanceof MenuEntry.Separator;
            if (separator && (kept.isEmpty() || kept.getLast() instanceof MenuEntry.Separator)) {
                continue;
            }
            kept.add(e);
        }
        return kept;
    }

    /** "Start Tier": each tier with its count of services (those without a profile included), the default marked. */
    private MenuEntry tiers(StackSnapshot snapshot, boolean canAct) {
        List<MenuEntry> entries = new ArrayList<>();
        String chosen = defaultTier.get();
        for (String tier : Tiers.all(snapshot.catalog())) {
            int count = Tiers.services(snapshot.catalog(), List.of(tier)).size();
            String label = Character.toUpperCase(tier.charAt(0)) + tier.substring(1) + " (" + count + " service"
                    + (count == 1 ? "" : "s") + ")" + (tier.equals(chosen) ? " \u2014 default" : "");
            entries.add(new MenuEntry.Action("start-tier-" + tier, label, canAct, () -> commands.startTier(tier)));
        }
        return new MenuEntry.Submenu("Start Tier", entries);
    }

    private void addVm(List<MenuEntry> menu, VmState vm) {
        String resources = vm.isRunning() && vm.cpus() > 0
                ? String.format(Locale.ROOT, " \u00b7 %d CPU, %.0f GiB", vm.cpus(), vm.memoryGiB()) : "";
        menu.add(new MenuEntry.Info("Colima VM (" + vm.profile() + "): " + vm.phase().label() + resources));
        boolean changing = vm.phase() == VmPhase.STARTING || vm.phase() == VmPhase.STOPPING;
        if (vm.phase() == VmPhase.RUNNING || vm.phase() == VmPhase.STOPPING) {
            menu.add(new MenuEntry.Action("vm-stop", "Stop VM", !changing, commands::stopVm));
        } else if (vm.phase() != VmPhase.NOT_INSTALLED && vm.phase() != VmPhase.UNKNOWN) {
            menu.add(new MenuEntry.Action("vm-start", "Start VM", !changing, commands::startVm));
        }
    }

    private void addVault(List<MenuEntry> menu, StackSnapshot snapshot) {
        var vault = snapshot.vault();
        String progress = vault.phase() == VaultPhase.SEALED && vault.threshold() > 0
                ? " (" + vault.progress() + "/" + vault.threshold() + ")" : "";
        menu.add(new MenuEntry.Info("Vault: " + vault.phase().label() + progress));
        if (vault.phase() == VaultPhase.SEALED) {
            menu.add(new MenuEntry.Action("vault-unseal", "Unseal Vault", true, commands::unsealVault));
        } else if (vault.phase() == VaultPhase.UNINITIALIZED) {
            menu.add(new MenuEntry.Action("vault-init", "Initialize Vault\u2026", true,
                    () -> commands.openSection("vault")));
        }
    }

    private MenuEntry group(StackSnapshot snapshot, ServiceGroup group, List<ServiceDefinition> members,
                            boolean canAct) {
        GroupSummary summary = snapshot.summary(group);
        List<MenuEntry> entries = new ArrayList<>();
        String label = group.label();
        entries.add(new MenuEntry.Action("start-" + label, "Start " + group.displayName(), canAct,
                () -> commands.startTarget(label)));
        entries.add(new MenuEntry.Action("stop-" + label, "Stop " + group.displayName(),
                canAct && summary.anyRunning(), () -> commands.stopTarget(label)));
        entries.add(new MenuEntry.Separator());
        for (ServiceDefinition d : members) {
            entries.add(service(snapshot, d, canAct));
        }
        return new MenuEntry.Submenu(dot(summary.tone()) + " " + group.displayName() + " (" + summary.describe()
                + ")", entries);
    }

    private MenuEntry service(StackSnapshot snapshot, ServiceDefinition d, boolean canAct) {
        ServiceStatus s = snapshot.status(d.name());
        String name = d.name();
        boolean vaultOpen = snapshot.vault().phase() == VaultPhase.UNSEALED;
        List<MenuEntry> actions = new ArrayList<>();
        d.webUiUrl().ifPresent(url -> actions.add(new MenuEntry.Action("open-" + name, "Open Web UI", s.isRunning(),
                () -> commands.openUrl(url))));
        if (d.vaultPath().isPresent() && d.connection().isPresent()) {
            actions.add(new MenuEntry.Action("copy-url-" + name, "Copy Connection String", vaultOpen,
                    () -> commands.copyConnectionString(name)));
        }
        if (d.vaultPath().isPresent()) {
            actions.add(new MenuEntry.Action("copy-password-" + name, "Copy Password", vaultOpen,
                    () -> commands.copyPassword(name)));
        }
        actions.add(new MenuEntry.Action("logs-" + name, "View Logs", s.containerId().isPresent(),
                () -> commands.viewLogs(name)));
        actions.add(new MenuEntry.Action("shell-" + name, "Open Shell", canAct && s.isRunning(),
                () -> commands.openShell(name, false)));
        if (d.label(ServiceShell.CLIENT_LABEL).isPresent()) {
            actions.add(new MenuEntry.Action("client-" + name, "Open Client", canAct && s.isRunning(),
                    () -> commands.openShell(name, true)));
        }
        if (s.state().isUp()) {
            actions.add(new MenuEntry.Action("restart-" + name, "Restart", canAct, () -> commands.restartService(name)));
            actions.add(new MenuEntry.Action("stop-" + name, "Stop", canAct, () -> commands.stopTarget(name)));
        } else {
            actions.add(new MenuEntry.Action("start-" + name, "Start", canAct, () -> commands.startTarget(name)));
        }
        if (VaultServices.tlsSwitchable(d)) {
            actions.add(new MenuEntry.Separator());
            actions.add(new MenuEntry.Action("tls-on-" + name, "Turn TLS On", vaultOpen,
                    () -> commands.setTls(name, true)));
            actions.add(new MenuEntry.Action("tls-off-" + name, "Turn TLS Off", vaultOpen,
                    () -> commands.setTls(name, false)));
        }
        return new MenuEntry.Submenu(dot(StatusText.tone(snapshot, d)) + " " + name + "  "
                + StatusText.state(snapshot, d), actions);
    }

    /** The first line of the menu: the same state the icon shows, in words. */
    public static String headline(StackSnapshot snapshot) {
        StackHealth health = snapshot.health();
        return switch (health) {
            case VM_STOPPED -> "Colima VM stopped";
            case DOCKER_UNREACHABLE -> "Docker unreachable";
            case BUSY -> "Working";
            case VAULT_SEALED -> "Vault " + snapshot.vault().phase().label();
            case DEGRADED -> "Degraded: " + failing(snapshot);
            case HEALTHY -> "All running services healthy";
            case IDLE -> "Stack stopped";
        };
    }

    private static String failing(StackSnapshot snapshot) {
        List<String> names = snapshot.services().values().stream()
                .filter(s -> s.isFailing() || (s.isRunning() && !s.isReady()))
                .map(ServiceStatus::service).toList();
        return names.size() <= 3 ? String.join(", ", names) : names.size() + " services";
    }

    /** Text dots read in any menu bar, template or not: the shape carries the state, not only the colour. */
    static String dot(StatusText.Tone tone) {
        return switch (tone) {
            case OK -> "\u25CF";
            case WARN -> "\u25D0";
            case BAD -> "\u2716";
            case OFF -> "\u25CB";
            case UNKNOWN -> "\u25CC";
        };
    }
}
