package io.colimaservices.docker;

import io.colimaservices.domain.Ipv4Subnet;
import io.colimaservices.domain.ServiceDefinition;
import io.colimaservices.domain.ServiceGroup;
import io.colimaservices.domain.ServiceProvisioner;
import io.colimaservices.domain.StackNetwork;
import io.colimaservices.domain.TlsCapability;
import io.colimaservices.domain.UserError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The daemon's overlap refusal as the compose CLIs pass it on (the text libnetwork's {@code ipamapi.ErrPoolOverlap}
 * carries), in the form {@link ComposeCli} reports a failed create: "compose could not create S (exit N): last lines
 * joined by ' / '". No network is created here: the texts are recorded ones.
 */
class PoolOverlapAdviceTest {
    private static final Path ENV = Path.of("/Users/dev/Library/Application Support/colima-services/compose/.env");
    private static final StackNetwork BUNDLED = new StackNetwork("dev-services", "dev-services",
            Ipv4Subnet.parse("172.20.0.0/16").orElseThrow(), Optional.of("172.20.0.1"),
            Optional.of("COLIMA_SERVICES_NET"), Map.of("vault", "172.20.0.5"));

    private static UserError composeFailure(String lastLines) {
        return new UserError(UserError.Kind.SERVICE_FAILED, "compose could not create vault (exit 1): " + lastLines,
                "");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // docker-compose 1.29
        "Creating network \"dev-services\" with driver \"bridge\" / ERROR: Pool overlaps with other one on this "
                + "address space",
        // Compose v2 with a daemon of the 20.10-24 line
        "Network dev-services  Creating / Network dev-services  Error / failed to create network dev-services: "
                + "Error response from daemon: Pool overlaps with other one on this address space",
        // Compose v2 with a newer daemon, which prefixes the pool request
        "failed to create network dev-services: Error response from daemon: invalid pool request: Pool overlaps "
                + "with other one on this address space"})
    void namesTheSubnetThatCollidedAndHowToPickAnother(String said) {
        UserError failure = composeFailure(said);

        UserError advice = PoolOverlapAdvice.explain(failure, Optional.of(BUNDLED), ENV).orElseThrow();

        assertThat(advice.kind()).isEqualTo(UserError.Kind.CONFIGURATION);
        assertThat(advice.getMessage())
                .contains("network dev-services: its subnet 172.20.0.0/16 overlaps a network that already exists")
                .contains("set COLIMA_SERVICES_NET in " + ENV)
                .contains("COLIMA_SERVICES_NET=10.77 for 10.77.0.0/16")
                .contains("docker network inspect")
                .doesNotContain("\n");
        assertThat(advice.getCause()).isSameAs(failure);
    }

    @Test
    void aNetworkWithoutThePrefixVariableIsToldToChangeTheComposeFile() {
        StackNetwork own = new StackNetwork("net", "my-net", Ipv4Subnet.parse("172.28.0.0/16").orElseThrow(),
                Optional.empty(), Optional.empty(), Map.of());

        String message = PoolOverlapAdvice.explain(composeFailure("ERROR: Pool overlaps with other one on this "
                + "address space"), Optional.of(own), ENV).orElseThrow().getMessage();

        assertThat(message).contains("network my-net: its subnet 172.28.0.0/16 overlaps")
                .contains("give the network another subnet").doesNotContain("COLIMA_SERVICES_NET");
    }

    @Test
    void otherFailuresPassThroughUnchanged() {
        UserError other = composeFailure("ERROR: for vault  Cannot start service vault: driver failed programming "
                + "external connectivity on endpoint dev-vault: Bind for 0.0.0.0:8200 failed: port is already "
                + "allocated");
        ServiceProvisioner failing = new FailingCompose(output -> {
            throw other;
        });

        assertThat(PoolOverlapAdvice.explain(other, Optional.of(BUNDLED), ENV)).isEmpty();
        assertThatThrownBy(() -> new PoolOverlapAdvice(failing, Optional.of(BUNDLED), ENV).create(List.of(VAULT), l -> { }))
                .isSameAs(other);
    }

    @Test
    void theProvisionerReportsTheAdviceInsteadOfComposesWords() {
        ServiceProvisioner overlapping = new FailingCompose(output -> {
            output.accept("Creating network \"dev-services\" with driver \"bridge\"");
            throw composeFailure("ERROR: Pool overlaps with other one on this address space");
        });

        assertThatThrownBy(() -> new PoolOverlapAdvice(overlapping, Optional.of(BUNDLED), ENV).create(List.of(VAULT),
                l -> { })).isInstanceOf(UserError.class).hasMessageStartingWith("Docker refused to create network "
                + "dev-services: its subnet 172.20.0.0/16 overlaps");
    }

    private static final ServiceDefinition VAULT = new ServiceDefinition("vault", ServiceGroup.SECRETS, "vault:1",
            List.of(), List.of(), true, Optional.empty(), Optional.empty(), TlsCapability.NONE, Optional.empty(), "",
            java.util.Set.of(), 1);

    /** A compose CLI whose creates fail as {@code create} says; nothing else is asked of it here. */
    private record FailingCompose(Consumer<Consumer<String>> create) implements ServiceProvisioner {
        @Override
        public void create(List<ServiceDefinition> services, Consumer<String> output) {
            create.accept(output);
        }

        @Override
        public void recreate(ServiceDefinition service, Consumer<String> output) {
            create.accept(output);
        }

        @Override
        public Map<String, String> definitionHashes(List<ServiceDefinition> services) {
            return Map.of();
        }
    }
}
