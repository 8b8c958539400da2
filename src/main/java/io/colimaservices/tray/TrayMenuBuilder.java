package io.colimaservices.tray;

import io.colimaservices.domain.GroupSummary;
import io.colimaservices.domain.ServiceDefinition;
import io.colimaservices.domain.ServiceGroup;
import io.colimaservices.domain.ServiceStatus;
import io.colimaservices.domain.StackHealth;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.StatusText;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the tray menu from a snapshot: a pure function, tested without AWT. */
public final class TrayMenuBuilder {
    private final MenuCommands commands;

    public TrayMenuBuilder(MenuCommands commands) {
        this.commands = commands;
    }

    public List<MenuEntry> build(StackSnapshot snapshot) {
        List<MenuEntry> menu = new ArrayList<>();
        menu.add(new MenuEntry.Info(headline(snapshot)));
        snapshot.catalogError().ifPresent(e -> menu.add(new MenuEntry.Info("Compose file error: " + e)));
        menu.add(new MenuEntry.Separator());
        for (Map.Entry<ServiceGroup, List<ServiceDefinition>> group : snapshot.catalog().groups().entrySet()) {
            GroupSummary summary = snapshot.summary(group.getKey());
            List<MenuEntry> services = new ArrayList<>();
            for (ServiceDefinition d : group.getValue()) {
                ServiceStatus s = snapshot.status(d.name());
                services.add(new MenuEntry.Info(dot(StatusText.tone(s)) + " " + d.name() + "  " + StatusText.state(s)));
            }
            menu.add(new MenuEntry.Submenu(group.getKey().displayName() + " (" + summary.describe() + ")", services));
        }
        menu.add(new MenuEntry.Separator());
        menu.add(new MenuEntry.Action("open-dashboard", "Open Dashboard", true, commands::openDashboard));
        menu.add(new MenuEntry.Separator());
        menu.add(new MenuEntry.Action("quit", "Quit Colima Services", true, commands::quit));
        return menu;
    }

    /** The first line of the menu: the same state the icon shows, in words. */
    public static String headline(StackSnapshot snapshot) {
        StackHealth health = snapshot.health();
        return switch (health) {
            case VM_STOPPED -> "Colima VM stopped";
            case DOCKER_UNREACHABLE -> "Docker unreachable";
            case BUSY -> "Working: " + String.join(", ", snapshot.busy());
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
        };
    }
}
