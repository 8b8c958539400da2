package io.colimaservices.catalog;

import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.CatalogException;
import io.colimaservices.domain.ConnectionKind;
import io.colimaservices.domain.Dependency;
import io.colimaservices.domain.DependencyCondition;
import io.colimaservices.domain.PortBinding;
import io.colimaservices.domain.ServiceDefinition;
import io.colimaservices.domain.ServiceGroup;
import io.colimaservices.domain.StackNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComposeCatalogLoaderTest {

    static Path fixture(String name) {
        try {
            return Path.of(ComposeCatalogLoaderTest.class.getResource("/catalog/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Catalog load(String name) {
        return new ComposeCatalogLoader(Map.of()).load(fixture(name));
    }

    @Test
    void readsServicesInFileOrderWithTheirFields() {
        Catalog catalog = load("valid.yml");

        assertThat(catalog.serviceNames()).containsExactly("vault", "postgres", "redis-1", "init", "ranges", "app");
        ServiceDefinition vault = catalog.service("vault").orElseThrow();
        assertThat(vault.group()).isEqualTo(ServiceGroup.SECRETS);
        assertThat(vault.image()).isEqualTo("hashicorp/vault:1.18.5");
        assertThat(vault.webUiUrl()).contains("http://localhost:8200/ui");
        assertThat(vault.connection()).contains(ConnectionKind.VAULT);
        assertThat(vault.hasHealthCheck()).isTrue();
        assertThat(vault.ports()).containsExactly(PortBinding.tcp(8200, 8200));
        assertThat(vault.line()).isEqualTo(6);
    }

    @Test
    void resolvesMergeKeysLongPortSyntaxAndHostAddresses() {
        ServiceDefinition postgres = load("valid.yml").service("postgres").orElseThrow();

        assertThat(postgres.group()).isEqualTo(ServiceGroup.DATA);
        assertThat(postgres.vaultPath()).contains("secret/postgresql");
        assertThat(postgres.tls().capable()).isTrue();
        assertThat(postgres.tls().tlsPorts()).isEmpty();
        assertThat(postgres.ports()).containsExactly(
                new PortBinding("127.0.0.1", 5432, 5432, "tcp"), PortBinding.tcp(9187, 9187));
        assertThat(postgres.dependsOn()).containsExactly(new Dependency("vault", DependencyCondition.SERVICE_HEALTHY));
    }

    @Test
    void readsListLabelsShortDependsOnAndTlsPorts() {
        ServiceDefinition redis = load("valid.yml").service("redis-1").orElseThrow();

        assertThat(redis.tls().tlsPorts()).containsExactly(6390);
        assertThat(redis.dependsOn()).containsExactly(new Dependency("vault", DependencyCondition.SERVICE_STARTED));
        assertThat(redis.hasHealthCheck()).isFalse();
    }

    @Test
    void disabledHealthCheckCountsAsNone() {
        assertThat(load("valid.yml").service("init").orElseThrow().hasHealthCheck()).isFalse();
    }

    @Test
    void expandsPortRanges() {
        assertThat(load("valid.yml").service("ranges").orElseThrow().ports()).containsExactly(
                new PortBinding("", 8000, 9000, "udp"), new PortBinding("", 8001, 9001, "udp"),
                new PortBinding("", 8002, 9002, "udp"));
    }

    @Test
    void aServiceWithoutGroupLabelBelongsToApps() {
        assertThat(load("valid.yml").service("ranges").orElseThrow().group()).isEqualTo(ServiceGroup.APPS);
    }

    @Test
    void environmentWinsOverDotEnvWhichWinsOverDefaults(@TempDir Path dir) throws IOException {
        Path compose = dir.resolve("docker-compose.yml");
        Files.writeString(compose, """
                services:
                  a:
                    image: "busybox:${TAG:-1.0}"
                  b:
                    image: "busybox:${OTHER:-2.0}"
                  c:
                    image: "busybox:${THIRD-3.0}$$"
                """);
        Files.writeString(dir.resolve(".env"), "# comment\nTAG=from-dotenv\nOTHER=\"from-dotenv\"\nTHIRD=\n");

        Catalog catalog = new ComposeCatalogLoader(Map.of("OTHER", "from-env")).load(compose);

        assertThat(catalog.service("a").orElseThrow().image()).isEqualTo("busybox:from-dotenv");
        assertThat(catalog.service("b").orElseThrow().image()).isEqualTo("busybox:from-env");
        assertThat(catalog.service("c").orElseThrow().image()).isEqualTo("busybox:$");
    }

    @Test
    void tellsPulledImagesFromImagesBuiltFromSource(@TempDir Path dir) throws IOException {
        Path compose = dir.resolve("docker-compose.yml");
        Files.writeString(compose, """
                services:
                  pulled:
                    image: postgres:17.6-bookworm
                  built:
                    build: ./api
                  built-and-tagged:
                    image: example/api:dev
                    build: {context: ./api}
                  one-shot-built:
                    build: ./migrate
                  app:
                    image: example/app:1
                    depends_on:
                      one-shot-built: {condition: service_completed_successfully}
                """);

        Catalog catalog = new ComposeCatalogLoader(Map.of()).load(compose);

        assertThat(catalog.service("pulled").orElseThrow()).extracting(ServiceDefinition::image,
                ServiceDefinition::hasBuild).containsExactly("postgres:17.6-bookworm", false);
        assertThat(catalog.service("built").orElseThrow()).extracting(ServiceDefinition::image,
                ServiceDefinition::hasBuild).containsExactly("", true);
        assertThat(catalog.service("built-and-tagged").orElseThrow()).extracting(ServiceDefinition::image,
                ServiceDefinition::hasBuild).containsExactly("example/api:dev", true);
        assertThat(catalog.service("one-shot-built").orElseThrow()).extracting(ServiceDefinition::oneShot,
                ServiceDefinition::hasBuild).containsExactly(true, true);
    }

    @Test
    void mergesTheOverrideFileBesideIt(@TempDir Path dir) throws IOException {
        Path compose = dir.resolve("docker-compose.yml");
        Files.writeString(compose, """
                services:
                  vault:
                    image: hashicorp/vault:1.18.5
                    labels: {io.colima-services.group: secrets}
                    ports: ["8200:8200"]
                """);
        Files.writeString(dir.resolve(ComposeCatalogLoader.OVERRIDE_FILE), """
                services:
                  vault:
                    ports: ["8201:8201"]
                  my-api:
                    image: example/my-api:1.2.3
                    labels:
                      io.colima-services.group: apps
                    depends_on:
                      vault: {condition: service_healthy}
                """);

        Catalog catalog = new ComposeCatalogLoader(Map.of()).load(compose);

        assertThat(catalog.files()).hasSize(2);
        assertThat(catalog.service("vault").orElseThrow().ports())
                .containsExactly(PortBinding.tcp(8200, 8200), PortBinding.tcp(8201, 8201));
        assertThat(catalog.service("vault").orElseThrow().group()).isEqualTo(ServiceGroup.SECRETS);
        assertThat(catalog.service("my-api").orElseThrow().group()).isEqualTo(ServiceGroup.APPS);
    }

    @Test
    void anyGroupNameLoadsAndFollowsTheKnownGroupsAlphabetically(@TempDir Path dir) throws IOException {
        Path compose = dir.resolve("docker-compose.yml");
        Files.writeString(compose, """
                services:
                  web:
                    image: nginx:1.28.0
                    labels:
                      io.colima-services.group: Frontend
                  ledger:
                    image: example/ledger:1
                    labels:
                      io.colima-services.group: payments
                  db:
                    image: postgres:17.6
                    labels:
                      io.colima-services.group: data
                  worker:
                    image: example/worker:1
                  vault:
                    image: hashicorp/vault:1.20.4
                    labels:
                      io.colima-services.group: secrets
                """);

        Catalog catalog = new ComposeCatalogLoader(Map.of()).load(compose);

        assertThat(catalog.groups().keySet()).extracting(ServiceGroup::label)
                .containsExactly("secrets", "data", "apps", "frontend", "payments");
        assertThat(catalog.service("web").orElseThrow().group().icon()).isEqualTo(ServiceGroup.Icon.GENERIC);
        assertThat(catalog.service("db").orElseThrow().group().icon()).isEqualTo(ServiceGroup.Icon.DATA);
        assertThat(catalog.service("worker").orElseThrow().group()).isEqualTo(ServiceGroup.APPS);
        assertThat(catalog.resolveTargets(List.of("frontend"))).containsExactly("web");
        assertThat(catalog.service("web").orElseThrow().group().displayName()).isEqualTo("Frontend");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown-dependency.yml | 11 | service 'postgres' depends on unknown service 'valut'
            cycle.yml              |  4 | dependency cycle: a -> c -> b -> a
            bad-group.yml          |  9 | service 'grafana' has an invalid group name 'my dashboards'
            group-is-service.yml   |  5 | is both a service (group-is-service.yml line 6) and the group of service 'web'
            invalid-yaml.yml       |  6 | invalid YAML
            unknown-condition.yml  |  8 | unknown depends_on condition 'service_ready'
            required-variable.yml  |  3 | required variable BUSYBOX_TAG is missing a value: set BUSYBOX_TAG in .env
            bad-port.yml           |  5 | invalid port 'eighty' in service 'a'
            no-services.yml        |  1 | no 'services' section
            outside-subnet.yml     |  6 | _address '10.9.0.5' on network 'stack' lies outside the network's subnet 10.8.0.0/16
            address-taken.yml      | 11 | service 'b': ipv4_address '10.8.0.5' on network 'stack' is also the address of
            bad-subnet.yml         |  8 | network 'stack': subnet '10.8.0/16' is not an IPv4 subnet
            """)
    void badInputNamesFileAndLine(String fixture, int line, String problem) {
        Path file = fixture(fixture);

        assertThatThrownBy(() -> new ComposeCatalogLoader(Map.of()).load(file))
                .isInstanceOf(CatalogException.class)
                .satisfies(e -> {
                    CatalogException ce = (CatalogException) e;
                    assertThat(ce.file()).isEqualTo(file);
                    assertThat(ce.line()).isEqualTo(line);
                    assertThat(ce.getMessage()).startsWith(file + ":" + line + ": ").contains(problem);
                    assertThat(ce.getMessage()).doesNotContain("\n");
                });
    }

    @Test
    void theNetworkWithAFixedSubnetGivesEachServiceItsStaticAddress(@TempDir Path dir) throws IOException {
        Path compose = dir.resolve("docker-compose.yml");
        Files.writeString(compose, """
                services:
                  db:
                    image: postgres:17.6
                    networks:
                      stack:
                        ipv4_address: "${STACK_NET:-10.20}.0.10"
                  web:
                    image: nginx:1.28.0
                    networks: [stack]
                networks:
                  default:
                    name: plain
                  stack:
                    name: dev-stack
                    ipam:
                      config:
                        - subnet: "fd00:1::/64"
                        - subnet: "${STACK_NET:-10.20}.0.0/16"
                          gateway: "${STACK_NET:-10.20}.0.1"
                """);

        StackNetwork byDefault = new ComposeCatalogLoader(Map.of()).load(compose).network().orElseThrow();
        Catalog moved = new ComposeCatalogLoader(Map.of("STACK_NET", "10.77")).load(compose);

        assertThat(byDefault.key()).isEqualTo("stack");
        assertThat(byDefault.name()).isEqualTo("dev-stack");
        assertThat(byDefault.subnet()).hasToString("10.20.0.0/16");
        assertThat(byDefault.gateway()).contains("10.20.0.1");
        assertThat(byDefault.prefixVariable()).contains("STACK_NET");
        assertThat(byDefault.addresses()).containsExactly(Map.entry("db", "10.20.0.10"));
        assertThat(moved.network().orElseThrow().subnet()).hasToString("10.77.0.0/16");
        assertThat(moved.staticAddress("db")).contains("10.77.0.10");
        assertThat(moved.staticAddress("web")).isEmpty();
    }

    @Test
    void withoutAFixedSubnetThereIsNoStackNetwork() {
        assertThat(load("valid.yml").network()).isEmpty();
        assertThat(load("valid.yml").staticAddress("vault")).isEmpty();
    }

    @Test
    void missingFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yml");

        assertThatThrownBy(() -> new ComposeCatalogLoader(Map.of()).load(missing))
                .isInstanceOf(CatalogException.class)
                .hasMessage(missing + ": file not found");
    }

    @Test
    void dependencyOrderRespectsEveryEdge() {
        Catalog catalog = load("valid.yml");

        List<String> order = catalog.startOrder(catalog.withDependencies(List.of("app")));

        assertThat(order).containsExactly("vault", "postgres", "redis-1", "init", "app");
        assertThat(catalog.stopOrder(catalog.withDependents(List.of("redis-1"))))
                .containsExactly("app", "init", "redis-1");
    }
}
