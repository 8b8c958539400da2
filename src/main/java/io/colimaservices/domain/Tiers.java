package io.colimaservices.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tiers are the compose file's profiles (docs/stack.md, "Tiers"): {@code minimal}, {@code standard} and {@code full}
 * (cumulative in the bundled file: a service of a lower tier lists the higher ones too) and {@code reference} (the
 * user's own apps); any other profile of the file is a tier too. A service without a profile belongs to every tier
 * (Vault and its agent always run). Pure functions of the catalog.
 */
public final class Tiers {
    /** The stack's tiers, in this order; they are valid whether or not the file gives them a service. */
    public static final List<String> KNOWN = List.of("minimal", "standard", "full", "reference");

    private Tiers() {
    }

    /** Every tier: the known ones first, in their order, then the file's other profiles alphabetically. */
    public static List<String> all(Catalog catalog) {
        Set<String> others = new TreeSet<>();
        catalog.services().forEach(s -> others.addAll(s.profiles()));
        others.removeAll(KNOWN);
        List<String> tiers = new ArrayList<>(KNOWN);
        tiers.addAll(others);
        return List.copyOf(tiers);
    }

    /** The service's tiers: its profiles, or every tier when it has none. */
    public static List<String> of(Catalog catalog, ServiceDefinition service) {
        List<String> all = all(catalog);
        return service.profiles().isEmpty() ? all : all.stream().filter(service.profiles()::contains).toList();
    }

    /** Whether the service belongs to at least one of the tiers. */
    public static boolean contains(Collection<String> tiers, ServiceDefinition service) {
        return service.profiles().isEmpty() || tiers.stream().anyMatch(service.profiles()::contains);
    }

    /**
     * The services of the tiers, in file order (without the dependencies they may have outside them: the stack's
     * actions add those).
     *
     * @throws UserError of kind CONFIGURATION naming a tier that is neither known nor a profile of the file
     */
    public static Set<String> services(Catalog catalog, Collection<String> tiers) {
        requireKnown(catalog, tiers);
        Set<String> names = new LinkedHashSet<>();
        if (tiers.isEmpty()) {
            return names;
        }
        catalog.services().stream().filter(s -> contains(tiers, s)).forEach(s -> names.add(s.name()));
        return names;
    }

    /**
     * What {@code up TARGET... --tier T...} names: the targets, then the tiers' services (file order, no repeats).
     *
     * @throws UserError of kind CONFIGURATION for an unknown tier
     */
    public static List<String> targets(Catalog catalog, Collection<String> targets, Collection<String> tiers) {
        Set<String> names = new LinkedHashSet<>(targets);
        names.addAll(services(catalog, tiers));
        return List.copyOf(names);
    }

    /** @throws UserError of kind CONFIGURATION naming the first tier that is neither known nor a profile */
    public static void requireKnown(Catalog catalog, Collection<String> tiers) {
        List<String> all = all(catalog);
        for (String tier : tiers) {
            if (!all.contains(tier)) {
                throw new UserError(UserError.Kind.CONFIGURATION, "unknown tier '" + tier + "' in "
                        + catalog.source(), "tiers: " + String.join(", ", all));
            }
        }
    }
}
