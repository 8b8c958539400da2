package io.colimaservices.usecase;

import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.UserError;
import io.colimaservices.domain.VaultState;
import io.colimaservices.domain.VmState;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One pass of live reads for the checklist: each thing (the VM, one Docker listing, Vault's seal state, the tier's
 * services) is asked at most once per pass, when a step first needs it, and a new pass is made after every action.
 * Nothing here is stored between passes: the checklist's states always come from what answers now.
 */
final class SetupLive {
    private final SetupUseCase.Ports ports;
    private final Optional<String> tier;
    private final Map<String, Object> memo = new HashMap<>();
    private final Map<String, SetupStep> checked = new HashMap<>();

    SetupLive(SetupUseCase.Ports ports, Optional<String> tier) {
        this.ports = ports;
        this.tier = tier;
    }

    SetupUseCase.Ports ports() {
        return ports;
    }

    @SuppressWarnings("unchecked")
    private <T> T once(String key, Supplier<T> read) {
        if (!memo.containsKey(key)) {
            memo.put(key, read.get());
        }
        return (T) memo.get(key);
    }

    Catalog catalog() {
        return once("catalog", () -> ports.stack().catalog());
    }

    String profile() {
        return ports.vm().spec(Optional.empty()).profile();
    }

    /** The profile's VM with its socket's diagnosis; a Colima that cannot be asked reads as not installed. */
    VmState vm() {
        return once("vm", () -> {
            try {
                return ports.vm().status(profile());
            } catch (UserError e) {
                return VmState.of(profile(), io.colimaservices.domain.VmPhase.NOT_INSTALLED).withError(e.getMessage());
            }
        });
    }

    /** Why Colima does not apply here (the Docker host is not a Colima socket), or empty. */
    Optional<String> colimaSkipped() {
        return once("colimaSkipped", () -> {
            SetupUseCase.Host host = ports.host().get();
            String uri = host.docker().uri();
            Optional<Path> path = unixPath(uri);
            if (path.isPresent() && same(path.get(), host.colimaSocket())) {
                return Optional.<String>empty();
            }
            boolean explicit = host.docker().source().equals("DOCKER_HOST") || host.docker().source().startsWith("--");
            if (explicit) {
                boolean colimas = vm().isRunning() && vm().socket().flatMap(SetupLive::unixPath)
                        .flatMap(s -> path.map(p -> same(p, s))).orElse(false);
                return colimas ? Optional.<String>empty() : Optional.of("the Docker host is " + uri + " (from "
                        + host.docker().source() + "), not a Colima socket");
            }
            if (!host.macOs() && !vm().isInstalled()) {
                return Optional.of("the Docker host is " + uri + ", this computer's own engine (no Colima here)");
            }
            return Optional.<String>empty();
        });
    }

    /** One listing of the project, or why Docker did not answer. */
    Listing listing() {
        return once("listing", () -> {
            try {
                return new Listing(Optional.of(ports.listing().listNow()), Optional.empty());
            } catch (UserError e) {
                return new Listing(Optional.empty(), Optional.of(e));
            }
        });
    }

    record Listing(Optional<StackSnapshot> snapshot, Optional<UserError> failure) {
    }

    VaultState vault() {
        return once("vault", () -> ports.vault().status());
    }

    /** The tier's services. @throws UserError for an unknown tier */
    List<String> targets() {
        return once("targets", () -> ports.tiers().services(catalog(), tier));
    }

    String tierName() {
        return SetupTier.describe(catalog(), tier);
    }

    Optional<String> tier() {
        return tier;
    }

    void checked(SetupStep step) {
        checked.put(step.id(), step);
    }

    /** The steps among {@code ids} that were checked in this pass and are not settled. */
    List<String> unsettled(List<String> ids) {
        return ids.stream().filter(id -> checked.containsKey(id) && !checked.get(id).state().settled()).toList();
    }

    static Optional<Path> unixPath(String address) {
        if (address.startsWith("unix://") && address.length() > "unix://".length()) {
            return Optional.of(Path.of(address.substring("unix://".length())));
        }
        return address.startsWith("/") ? Optional.of(Path.of(address)) : Optional.empty();
    }

    private static boolean same(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
