package io.colimaservices.domain.backup;

import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.UserError;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Removes services' containers and volumes (their data is gone), behind a typed confirmation: the service's name
 * (several: their names joined by commas), or the project's name for everything. The secret store is not touched:
 * unseal-share sets and backup keys outlive a reset, so an older backup of Vault still opens.
 */
final class StackReset {
    private static final String SERVICE_LABEL = "com.docker.compose.service";
    private static final String PROJECT_LABEL = "com.docker.compose.project";

    private final BackupTools tools;

    StackReset(BackupTools tools) {
        this.tools = tools;
    }

    /** What a reset of {@code services} asks the user to type. */
    static String confirmationFor(List<String> services) {
        return String.join(",", services);
    }

    ResetReport reset(List<String> services, String typed, Consumer<BackupEvent> listener) {
        Catalog catalog = tools.catalog().get();
        if (services.isEmpty()) {
            throw new UserError(UserError.Kind.CONFIGURATION, "name the services to reset, or --all");
        }
        for (String service : services) {
            if (!catalog.contains(service)) {
                throw new UserError(UserError.Kind.CONFIGURATION, "unknown service '" + service + "' in "
                        + catalog.source());
            }
        }
        String expected = confirmationFor(services);
        if (!expected.equals(typed)) {
            throw new UserError(UserError.Kind.CONFIGURATION, "the confirmation '" + typed + "' does not match '"
                    + expected + "'; nothing was removed", "type --confirm " + expected);
        }
        Set<String> dependents = new LinkedHashSet<>();
        for (String service : catalog.withDependents(services)) {
            if (!services.contains(service) && tools.exec().locate(tools.project(), service).isRunning()) {
                dependents.add(service);
            }
        }
        List<String> stopDependents = catalog.stopOrder(dependents);
        if (!stopDependents.isEmpty()) {
            listener.accept(new BackupEvent.Note(services.getFirst(), "stopping " + String.join(", ", stopDependents)));
            tools.control().stop(stopDependents);
        }
        BackupEngine engine = tools.engine();
        List<String> removedContainers = new ArrayList<>();
        Set<String> volumes = new LinkedHashSet<>();
        for (String id : engine.projectContainers(tools.project())) {
            BackupEngine.Container container = engine.inspect(id);
            if (services.contains(container.labels().get(SERVICE_LABEL))) {
                container.mounts().stream().filter(BackupEngine.Mount::isVolume)
                        .forEach(m -> volumes.add(m.volume().get()));
                engine.remove(id);
                removedContainers.add(describe(container));
                listener.accept(new BackupEvent.Note(container.labels().get(SERVICE_LABEL), "removed "
                        + describe(container)));
            }
        }
        List<String> removedVolumes = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (String volume : volumes) {
            List<String> users = new ArrayList<>();
            for (String id : engine.containersUsing(volume)) {
                BackupEngine.Container user = engine.inspect(id);
                if (!user.running() && tools.project().equals(user.labels().get(PROJECT_LABEL))) {
                    // A stopped container of the stack (a one-shot job) would keep the volume from going.
                    engine.remove(id);
                    removedContainers.add(describe(user) + " (it used " + volume + ")");
                } else {
                    users.add(describe(user));
                }
            }
            if (users.isEmpty()) {
                engine.removeVolume(volume);
                removedVolumes.add(volume);
            } else {
                kept.add(volume + " (used by " + String.join(", ", users) + ")");
            }
        }
        return new ResetReport(removedContainers, removedVolumes, kept, stopDependents);
    }

    ResetReport resetAll(String typed, Consumer<BackupEvent> listener) {
        if (!tools.project().equals(typed)) {
            throw new UserError(UserError.Kind.CONFIGURATION, "the confirmation '" + typed
                    + "' does not match the project's name '" + tools.project() + "'; nothing was removed",
                    "type --confirm " + tools.project());
        }
        BackupEngine engine = tools.engine();
        List<String> removedContainers = new ArrayList<>();
        for (String id : engine.projectContainers(tools.project())) {
            BackupEngine.Container container = engine.inspect(id);
            engine.remove(id);
            removedContainers.add(describe(container));
            listener.accept(new BackupEvent.Note(container.labels().getOrDefault(SERVICE_LABEL, container.name()),
                    "removed " + describe(container)));
        }
        List<String> removedVolumes = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (String volume : engine.projectVolumes(tools.project())) {
            List<String> users = engine.containersUsing(volume);
            if (users.isEmpty()) {
                engine.removeVolume(volume);
                removedVolumes.add(volume);
            } else {
                kept.add(volume + " (used by " + users.size() + " other container(s))");
            }
        }
        return new ResetReport(removedContainers, removedVolumes, kept, List.of());
    }

    private static String describe(BackupEngine.Container container) {
        String name = container.name().startsWith("/") ? container.name().substring(1) : container.name();
        return name;
    }
}
