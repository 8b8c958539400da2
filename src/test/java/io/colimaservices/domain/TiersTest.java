package io.colimaservices.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TiersTest {
    private final Catalog stack = Fixtures.tieredStack();

    @Test
    void theKnownTiersComeFirstThenTheFilesOtherProfiles() {
        assertThat(Tiers.all(stack)).containsExactly("minimal", "standard", "full", "reference", "lab");
    }

    @Test
    void aServiceWithoutAProfileIsInEveryTier() {
        assertThat(Tiers.of(stack, stack.service("vault").orElseThrow()))
                .containsExactly("minimal", "standard", "full", "reference", "lab");
        assertThat(Tiers.of(stack, stack.service("redis").orElseThrow())).containsExactly("standard", "full");
    }

    @Test
    void aTiersServicesAreItsOwnAndThoseWithoutAProfile() {
        assertThat(Tiers.services(stack, List.of("minimal"))).containsExactly("vault", "postgres");
        assertThat(Tiers.services(stack, List.of("full"))).containsExactly("vault", "postgres", "redis", "grafana");
        assertThat(Tiers.services(stack, List.of("standard", "reference")))
                .containsExactly("vault", "postgres", "redis", "shop");
        assertThat(Tiers.services(stack, List.of())).isEmpty();
    }

    @Test
    void targetsAndTiersCombineWithoutRepeats() {
        assertThat(Tiers.targets(stack, List.of("lab", "vault"), List.of("minimal")))
                .containsExactly("lab", "vault", "postgres");
    }

    @Test
    void aKnownTierWithoutServicesOfItsOwnIsValid() {
        Catalog plain = Fixtures.smallStack();
        assertThat(Tiers.services(plain, List.of("reference")))
                .containsExactly("vault", "postgres", "redis", "forgejo", "grafana");
    }

    @Test
    void anUnknownTierIsRefusedWithTheTiersThereAre() {
        assertThatThrownBy(() -> Tiers.services(stack, List.of("minimal", "huge")))
                .isInstanceOfSatisfying(UserError.class, e -> {
                    assertThat(e.kind()).isEqualTo(UserError.Kind.CONFIGURATION);
                    assertThat(e.getMessage()).isEqualTo("unknown tier 'huge' in /stack/docker-compose.yml");
                    assertThat(e.hint()).isEqualTo("tiers: minimal, standard, full, reference, lab");
                });
    }
}
