package io.colimaservices.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the faces show, at one moment: what should exist (catalog), what exists (services), and the state
 * of Docker, Vault and the VM. Immutable: the store replaces it whole; faces never ask Docker or Vault directly.
 *
 * @param catalogError why the compose file could not be read (the catalog is then empty)
 * @param services one status per catalog service, in catalog order
 * @param busy what long operations are under way (group start, VM start, ...), for the busy icon and menu
 */
public record StackSnapshot(
        String project,
        Catalog catalog,
        Optional<String> catalogError,
        EngineInfo engine,
        Map<String, ServiceStatus> services,
        VaultState vault,
        VmState vm,
        Set<String> busy) {

    public StackSnapshot {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(catalogError, "catalogError");
        Objects.requireNonNull(engine, "engine");
        services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
        Objects.requireNonNull(vault, "vault");
        Objects.requireNonNull(vm, "vm");
        busy = Set.copyOf(busy);
    }

    /** A snapshot before anything has been asked: every catalog service absent, engine unknown. */
    public static StackSnapshot initial(String project, Catalog catalog, Optional<String> catalogError,
                                        String dockerHost, String vaultAddress, String vmProfile) {
        return new StackSnapshot(project, catalog, catalogError, EngineInfo.unknown(dockerHost),
                absentFor(catalog), VaultState.unknown(vaultAddress), VmState.unknown(vmProfile), Set.of());
    }

    /**
     * Applies a full listing of the project's containers: catalog services without a container become absent.
     * Containers of services the catalog does not know are left out.
     */
    public StackSnapshot withListing(EngineInfo newEngine, List<ServiceStatus> listed) {
        Map<String, ServiceStatus> next = absentFor(catalog);
        for (ServiceStatus s : listed) {
            if (next.containsKey(s.service())) {
                next.put(s.service(), s);
            }
        }
        return new StackSnapshot(project, catalog, catalogError, newEngine, next, vault, vm, busy);
    }

    public StackSnapshot withService(ServiceStatus status) {
        if (!services.containsKey(status.service())) {
            return this;
        }
        Map<String, ServiceStatus> next = new LinkedHashMap<>(services);
        next.put(status.service(), status);
        return new StackSnapshot(project, catalog, catalogError, engine, next, vault, vm, busy);
    }

    public StackSnapshot withEngine(EngineInfo newEngine) {
        return new StackSnapshot(project, catalog, catalogError, newEngine, services, vault, vm, busy);
    }

    public StackSnapshot withVault(VaultState newVault) {
        return new StackSnapshot(project, catalog, catalogError, engine, services, newVault, vm, busy);
    }

    public StackSnapshot withVm(VmState newVm) {
        return new StackSnapshot(project, catalog, catalogError, engine, services, vault, newVm, busy);
    }

    public StackSnapshot withBusy(Set<String> newBusy) {
        return new StackSnapshot(project, catalog, catalogError, engine, services, vault, vm, newBusy);
    }

    public StackSnapshot withCatalog(Catalog newCatalog, Optional<String> error) {
        StackSnapshot fresh = new StackSnapshot(project, newCatalog, error, engine, absentFor(newCatalog), vault, vm,
                busy);
        return fresh.withListing(engine, List.copyOf(services.values()));
    }

    public ServiceStatus status(String service) {
        ServiceStatus s = services.get(service);
        return s != null ? s : ServiceStatus.absent(service);
    }

    /**
     * Whether the services' states can be read now: only while Docker answers. Before the first answer and while it
     * does not answer, "absent" means nothing: the containers may well be running.
     */
    public boolean servicesKnown() {
        return engine.reachable();
    }

    /**
     * Why the services' states are unknown (and actions that need Docker wait), in words; empty while Docker answers.
     */
    public Optional<String> unknownReason() {
        if (engine.reachable()) {
            return Optional.empty();
        }
        if (engine.error().filter(EngineInfo.NOT_CHECKED::equals).isPresent()) {
            return Optional.of("connecting to Docker at " + engine.host());
        }
        return Optional.of("Docker unreachable at " + engine.host() + engine.error().map(e -> ": " + e).orElse(""));
    }

    public GroupSummary summary(ServiceGroup group) {
        List<ServiceDefinition> members = catalog.group(group);
        if (!servicesKnown()) {
            return GroupSummary.unknown(group, members.size());
        }
        int running = 0;
        int ready = 0;
        int failing = 0;
        for (ServiceDefinition d : members) {
            ServiceStatus s = status(d.name());
            // A one-shot job that completed counts as up: it did what it is for.
            boolean completed = d.oneShot() && s.state() == ContainerState.EXITED && s.exitCode().orElse(-1) == 0;
            running += s.isRunning() || completed ? 1 : 0;
            ready += s.isReady() || completed ? 1 : 0;
            failing += s.isFailing() ? 1 : 0;
        }
        return new GroupSummary(group, members.size(), running, ready, failing);
    }

    /** The state the menu-bar icon shows. */
    public StackHealth health() {
        if (vm.phase() == VmPhase.STOPPED || vm.phase() == VmPhase.ABSENT) {
            return StackHealth.VM_STOPPED;
        }
        if (vm.phase() == VmPhase.STARTING || vm.phase() == VmPhase.STOPPING) {
            return StackHealth.BUSY;
        }
        if (!engine.reachable()) {
            return StackHealth.DOCKER_UNREACHABLE;
        }
        if (!busy.isEmpty()) {
            return StackHealth.BUSY;
        }
        if (services.values().stream().noneMatch(ServiceStatus::isRunning)) {
            return StackHealth.IDLE;
        }
        if (vault.phase() == VaultPhase.SEALED || vault.phase() == VaultPhase.UNINITIALIZED) {
            return StackHealth.VAULT_SEALED;
        }
        boolean degraded = services.values().stream()
                .anyMatch(s -> s.isFailing() || (s.isRunning() && !s.isReady()));
        return degraded ? StackHealth.DEGRADED : StackHealth.HEALTHY;
    }

    private static Map<String, ServiceStatus> absentFor(Catalog catalog) {
        Map<String, ServiceStatus> map = new LinkedHashMap<>();
        catalog.serviceNames().forEach(n -> map.put(n, ServiceStatus.absent(n)));
        return map;
    }
}
