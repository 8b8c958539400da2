package io.colimaservices.catalog;

import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.ConnectionKind;
import io.colimaservices.domain.Dependency;
import io.colimaservices.domain.DependencyCondition;
import io.colimaservices.domain.PortBinding;
import io.colimaservices.domain.ServiceDefinition;
import io.colimaservices.domain.ServiceGroup;
import io.colimaservices.domain.StackNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped compose file, read by the app's own loader: every service of the specification and what the app needs. */
class BundledStackTest {
    private static Catalog catalog;

    @BeforeAll
    static void load() {
        Path compose = Path.of(System.getProperty("project.basedir", ".")).resolve("compose/docker-compose.yml");
        // No .env and an empty environment: the defaults of the file itself.
        catalog = new ComposeCatalogLoader(Map.of()).load(compose);
    }

    private static ServiceDefinition service(String name) {
        return catalog.service(name).orElseThrow(() -> new AssertionError("no service " + name));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            vault            | secrets       | 8200
            vault-agent      | secrets       |
            postgres         | data          | 5432
            pgbouncer        | data          | 6432
            mysql            | data          | 3306
            mongodb          | data          | 27017
            redis-1          | data          | 6379 6390
            redis-2          | data          | 6380 6391
            redis-3          | data          | 6381 6392
            rabbitmq         | data          | 5672 5671 15672
            forgejo          | git           | 3000 2222
            prometheus       | observability | 9090
            grafana          | observability | 3001
            loki             | observability | 3100
            promtail         | observability |
            vector           | observability | 8686
            cadvisor         | observability | 8080
            redis-exporter-1 | observability | 9121
            redis-exporter-2 | observability | 9122
            redis-exporter-3 | observability | 9123
            """)
    void everySpecificationServiceIsThereWithItsGroupAndHostPorts(String name, String group, String ports) {
        ServiceDefinition s = service(name);

        assertThat(s.group()).isEqualTo(ServiceGroup.fromLabel(group).orElseThrow());
        List<Integer> expected = ports == null ? List.of() : Arrays.stream(ports.split(" ")).map(Integer::valueOf).toList();
        assertThat(s.ports().stream().map(PortBinding::hostPort).toList()).containsAll(expected);
        assertThat(s.image()).as("pinned tag").matches(".+:[^:/]+").doesNotEndWith(":latest");
    }

    @Test
    void dataServicesWaitForAHealthyVault() {
        for (String name : List.of("postgres", "mysql", "mongodb", "redis-1", "redis-2", "redis-3", "rabbitmq")) {
            assertThat(service(name).dependsOn()).as(name)
                    .contains(new Dependency("vault", DependencyCondition.SERVICE_HEALTHY));
        }
        assertThat(service("forgejo").dependsOn()).extracting(Dependency::service).contains("postgres");
        assertThat(service("pgbouncer").dependsOn()).extracting(Dependency::service).contains("postgres");
        assertThat(service("redis-exporter-2").dependsOn()).extracting(Dependency::service).contains("redis-2");
    }

    @Test
    void everyServiceHasAHealthCheckOrIsAOneShot() {
        for (ServiceDefinition s : catalog.services()) {
            assertThat(s.hasHealthCheck() || s.oneShot()).as(s.name() + " has a health check").isTrue();
        }
        assertThat(service("redis-cluster-init").oneShot()).isTrue();
    }

    @Test
    void whatTheAppShowsIsFilledIn() {
        assertThat(service("vault").webUiUrl()).contains("http://localhost:8200/ui");
        assertThat(service("grafana").webUiUrl()).contains("http://localhost:3001");
        assertThat(service("rabbitmq").webUiUrl()).contains("http://localhost:15672");
        assertThat(service("forgejo").webUiUrl()).contains("http://localhost:3000");
        assertThat(service("postgres").vaultPath()).contains("secret/postgresql");
        assertThat(service("postgres").connection()).contains(ConnectionKind.POSTGRESQL);
        assertThat(service("mongodb").connection()).contains(ConnectionKind.MONGODB);
        assertThat(service("rabbitmq").connection()).contains(ConnectionKind.AMQP);
        assertThat(service("redis-2").tls().tlsPorts()).containsExactly(6391);
        assertThat(service("rabbitmq").tls().tlsPorts()).containsExactly(5671);
        for (String tls : List.of("postgres", "mysql", "mongodb", "redis-1", "redis-2", "redis-3", "rabbitmq",
                "forgejo")) {
            assertThat(service(tls).tls().capable()).as(tls).isTrue();
            assertThat(service(tls).vaultPath()).as(tls).isPresent();
        }
        catalog.services().forEach(s -> assertThat(s.description()).as(s.name()).isNotBlank());
    }

    @Test
    void everyServiceHasItsStaticAddressOnTheStackNetworkWhichFollowsColimaServicesNet() {
        Path compose = Path.of(System.getProperty("project.basedir", ".")).resolve("compose/docker-compose.yml");
        Catalog moved = new ComposeCatalogLoader(Map.of("COLIMA_SERVICES_NET", "10.77")).load(compose);

        StackNetwork network = catalog.network().orElseThrow();
        assertThat(network.name()).isEqualTo("dev-services");
        assertThat(network.subnet()).hasToString("172.20.0.0/16");
        assertThat(network.gateway()).contains("172.20.0.1");
        assertThat(network.prefixVariable()).contains("COLIMA_SERVICES_NET");
        assertThat(network.addresses().keySet()).containsExactlyInAnyOrderElementsOf(catalog.serviceNames());
        // The specification's addresses (seed ARCHITECTURE.md, "Static IP Assignments").
        assertThat(catalog.staticAddress("vault")).contains("172.20.0.5");
        assertThat(catalog.staticAddress("postgres")).contains("172.20.0.10");
        assertThat(catalog.staticAddress("redis-3")).contains("172.20.0.17");
        assertThat(catalog.staticAddress("forgejo")).contains("172.20.0.20");
        assertThat(catalog.staticAddress("redis-exporter-3")).contains("172.20.0.208");
        assertThat(moved.network().orElseThrow().subnet()).hasToString("10.77.0.0/16");
        assertThat(moved.network().orElseThrow().addresses().values()).allMatch(ip -> ip.startsWith("10.77.0."));
        assertThat(moved.staticAddress("postgres")).contains("10.77.0.10");
    }

    @Test
    void forgejoIsInstalledWithItsAdminStepAfterIt() {
        assertThat(service("forgejo-admin-init").oneShot()).isTrue();
        assertThat(service("forgejo-admin-init").group()).isEqualTo(ServiceGroup.GIT);
        assertThat(service("forgejo-admin-init").dependsOn())
                .contains(new Dependency("forgejo", DependencyCondition.SERVICE_HEALTHY));
        assertThat(service("forgejo-admin-init").profiles()).isEqualTo(service("forgejo").profiles());
    }

    @Test
    void vaultCarriesNoProfileSoItAlwaysStarts() {
        assertThat(service("vault").profiles()).isEmpty();
        assertThat(service("postgres").profiles()).contains("minimal");
        assertThat(service("prometheus").profiles()).containsExactly("full");
    }

    @Test
    void theAppsExampleOverrideLoadsIntoTheAppsGroup() throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory("apps-slot");
        Path compose = Path.of(System.getProperty("project.basedir", ".")).resolve("compose");
        java.nio.file.Files.copy(compose.resolve("docker-compose.yml"), dir.resolve("docker-compose.yml"));
        java.nio.file.Files.copy(compose.resolve("apps.example.yml"), dir.resolve(ComposeCatalogLoader.OVERRIDE_FILE));

        Catalog withApps = new ComposeCatalogLoader(Map.of()).load(dir.resolve("docker-compose.yml"));

        assertThat(withApps.group(ServiceGroup.APPS)).isNotEmpty();
        assertThat(withApps.files()).hasSize(2);
    }

    @Test
    void noSecretLiteralsInTheComposeFile() throws Exception {
        String text = java.nio.file.Files.readString(Path.of(System.getProperty("project.basedir", "."))
                .resolve("compose/docker-compose.yml"));
        Pattern literal = Pattern.compile("(?im)^\\s*-?\\s*[A-Z_]*(PASSWORD|TOKEN|SECRET)[A-Z_]*\\s*[:=]\\s*(?!.*_FILE)(?!\\s*/)\\S+");
        assertThat(literal.matcher(text).results().map(r -> r.group()).toList()).isEmpty();
    }
}
