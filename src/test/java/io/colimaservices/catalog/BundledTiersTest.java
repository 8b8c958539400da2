package io.colimaservices.catalog;

import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.Tiers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped compose file's tiers: each is closed under depends_on (so {@code up --tier T} starts exactly T's
 * services, as {@code docker compose --profile T up} would), and they are cumulative.
 */
class BundledTiersTest {
    private static Catalog catalog;

    @BeforeAll
    static void load() {
        Path compose = Path.of(System.getProperty("project.basedir", ".")).resolve("compose/docker-compose.yml");
        catalog = new ComposeCatalogLoader(Map.of()).load(compose);
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "standard", "full", "reference"})
    void aTierNeedsNothingOutsideIt(String tier) {
        Set<String> services = Tiers.services(catalog, List.of(tier));
        assertThat(catalog.withDependencies(services)).containsExactlyElementsOf(services);
    }

    @Test
    void theTiersAreCumulativeAndEveryServiceIsInOne() {
        Set<String> minimal = Tiers.services(catalog, List.of("minimal"));
        Set<String> standard = Tiers.services(catalog, List.of("standard"));
        Set<String> full = Tiers.services(catalog, List.of("full"));
        assertThat(standard).containsAll(minimal);
        assertThat(full).containsAll(standard).containsExactlyInAnyOrderElementsOf(catalog.serviceNames());
        assertThat(Tiers.services(catalog, List.of("reference"))).containsExactly("vault", "vault-agent");
        assertThat(minimal).containsExactly("vault", "vault-agent", "postgres", "pgbouncer", "redis-1",
                "redis-cluster-init", "forgejo", "forgejo-admin-init");
    }
}
