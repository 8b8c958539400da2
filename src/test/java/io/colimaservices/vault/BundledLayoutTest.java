package io.colimaservices.vault;

import io.colimaservices.catalog.ComposeCatalogLoader;
import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.PortBinding;
import io.colimaservices.domain.ServiceDefinition;
import io.colimaservices.domain.VaultServices;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compose file is the one source of the stack's Vault layout (which services read which secrets, which get a
 * certificate, on which ports, for which addresses); what stays in code ({@link VaultLayout#SECRETS}, the names of
 * {@link VaultServices}) and the vault-agent's own table are checked here against the bundled compose file.
 */
class BundledLayoutTest {
    private static final Path ROOT = Path.of(System.getProperty("project.basedir", "."));
    private static final Catalog STACK = new ComposeCatalogLoader(Map.of())
            .load(ROOT.resolve("compose/docker-compose.yml"));

    /** run-agents.sh's table: service to {KV path, own KV path or "-", items}. */
    private static Map<String, List<String>> agentTable() throws IOException {
        String script = Files.readString(ROOT.resolve("configs/vault-agent/run-agents.sh"));
        Matcher table = Pattern.compile("(?ms)^SERVICES='\n(.*?)^'").matcher(script);
        assertThat(table.find()).as("the SERVICES table of run-agents.sh").isTrue();
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : table.group(1).lines().filter(l -> !l.isBlank()).toList()) {
            String[] cells = line.trim().split("\\s+");
            rows.put(cells[0], List.of(cells[2], cells[3], cells[4]));
        }
        return rows;
    }

    @Test
    void theAgentRendersForExactlyTheServicesTheLabelsNameAndReadsTheSamePaths() throws IOException {
        Map<String, List<String>> table = agentTable();
        List<VaultLayout.ServiceSpec> services = VaultLayout.services(STACK);

        assertThat(services).extracting(VaultLayout.ServiceSpec::name)
                .containsExactlyInAnyOrderElementsOf(table.keySet());
        for (VaultLayout.ServiceSpec service : services) {
            List<String> row = table.get(service.name());
            Set<String> agentPaths = new LinkedHashSet<>(List.of(row.get(0)));
            if (!row.get(1).equals("-")) {
                agentPaths.add(row.get(1));
            }
            assertThat(Set.copyOf(service.reads())).as("what %s reads (policy) and what the agent renders for it",
                    service.name()).isEqualTo(agentPaths);
            boolean agentRendersTls = List.of(row.get(2).split(",")).contains("tls");
            assertThat(service.tls()).as("%s: tls label and the agent's tls files", service.name())
                    .isEqualTo(agentRendersTls);
            if (service.tls()) {
                assertThat(row.get(1)).as("%s's own path holds its tls_enabled", service.name())
                        .isEqualTo(service.credentialPath());
            }
        }
    }

    @Test
    void everySecretOfTheContractIsReadBySomeServiceAndEveryOwnSecretIsInTheContract() {
        Set<String> read = VaultLayout.services(STACK).stream().flatMap(s -> s.reads().stream())
                .collect(Collectors.toSet());
        Set<String> contract = VaultLayout.SECRETS.stream().map(VaultLayout.SecretSpec::path)
                .collect(Collectors.toSet());

        assertThat(read).isEqualTo(contract);
        assertThat(VaultLayout.secrets(STACK)).isEqualTo(VaultLayout.SECRETS);
        assertThat(VaultLayout.REDIS_PATHS).allMatch(contract::contains);
        // The secrets carrying tls_enabled are exactly the own secrets of the TLS services.
        assertThat(VaultLayout.SECRETS.stream().filter(s -> s.tlsFlag(STACK)).map(VaultLayout.SecretSpec::path))
                .containsExactlyInAnyOrder("postgresql", "mysql", "mongodb", "redis-1", "redis-2", "redis-3",
                        "rabbitmq", "forgejo");
    }

    @Test
    void everyTlsServiceHasAStaticAddressForItsCertificateAndPublishesItsTlsPorts() {
        for (VaultLayout.ServiceSpec service : VaultLayout.tlsServices(STACK)) {
            ServiceDefinition d = STACK.service(service.name()).orElseThrow();
            assertThat(STACK.staticAddress(service.name())).as("%s's address (an IP SAN)", service.name())
                    .isPresent();
            assertThat(VaultLayout.ipSans(service, STACK)).containsExactly(STACK.staticAddress(service.name())
                    .orElseThrow(), "127.0.0.1");
            List<Integer> published = d.ports().stream().map(PortBinding::hostPort).toList();
            assertThat(published).as("%s publishes its TLS ports", service.name())
                    .containsAll(d.tls().tlsPorts());
        }
        assertThat(VaultLayout.tlsServices(STACK)).extracting(VaultLayout.ServiceSpec::name)
                .containsExactly("postgres", "mysql", "mongodb", "redis-1", "redis-2", "redis-3", "rabbitmq",
                        "forgejo");
    }

    @Test
    void theSecretsServicesAreNamedOnceAndTheAgentMountsEveryServicesVolume() {
        ServiceDefinition vault = STACK.service(VaultServices.VAULT).orElseThrow();
        ServiceDefinition agent = STACK.service(VaultServices.AGENT).orElseThrow();

        assertThat(vault.connection()).hasValueSatisfying(k -> assertThat(k.label()).isEqualTo("vault"));
        assertThat(agent.dependsOn(VaultServices.VAULT)).isTrue();
        for (VaultLayout.ServiceSpec service : VaultLayout.services(STACK)) {
            String volume = VaultServices.DELIVERY.volumePrefix() + service.name();
            assertThat(agent.volumes()).as("vault-agent mounts %s", volume).contains(volume);
            assertThat(STACK.service(service.name()).orElseThrow().volumes()).as("%s mounts %s", service.name(),
                    volume).contains(volume);
        }
    }
}
