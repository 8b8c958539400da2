package io.colimaservices.usecase;

import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.ServiceDefinition;
import io.colimaservices.domain.UserError;

import java.util.List;
import java.util.Optional;

/**
 * Which services the setup's {@code images} and {@code tier} steps (and the one-shot steps) cover. The app gives
 * {@code domain/Tiers}' resolution (the same as {@code up --tier}, the settings' default tier when none is named;
 * {@code app/UseCases}); {@link #PROFILES} reads the compose profiles the same way for tests: a tier's services are
 * those whose {@code profiles} list it, plus every service without a profile (Vault, its agent).
 */
@FunctionalInterface
public interface SetupTier {
    /** The tier a setup without {@code --tier} brings up (the stack's documented default). */
    String DEFAULT = "standard";

    /**
     * The services of {@code tier} (none: the default), in the file's order.
     *
     * @throws UserError of kind CONFIGURATION for a tier no service has
     */
    List<String> services(Catalog catalog, Optional<String> tier);

    /** The tier's name as the faces show it ("tier standard", or "the whole stack"). */
    static String describe(Catalog catalog, Optional<String> tier) {
        return tier.or(() -> hasProfile(catalog, DEFAULT) ? Optional.of(DEFAULT) : Optional.empty())
                .map(t -> "tier " + t).orElse("the whole stack");
    }

    /** Compose profiles as tiers. */
    SetupTier PROFILES = (catalog, tier) -> {
        Optional<String> chosen = tier.or(() -> hasProfile(catalog, DEFAULT) ? Optional.of(DEFAULT) : Optional.empty());
        if (chosen.isEmpty()) {
            return catalog.serviceNames();
        }
        String name = chosen.get();
        if (!hasProfile(catalog, name)) {
            throw new UserError(UserError.Kind.CONFIGURATION, "no service of " + catalog.source()
                    + " is in tier '" + name + "'", "tiers are the compose profiles of the file");
        }
        return catalog.services().stream().filter(s -> s.profiles().isEmpty() || s.profiles().contains(name))
                .map(ServiceDefinition::name).toList();
    };

    private static boolean hasProfile(Catalog catalog, String profile) {
        return catalog.services().stream().anyMatch(s -> s.profiles().contains(profile));
    }
}
