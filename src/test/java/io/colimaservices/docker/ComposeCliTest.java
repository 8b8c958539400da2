package io.colimaservices.docker;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the compose CLI prints, read as both versions print it. */
class ComposeCliTest {

    @Test
    void hashesAreReadFromBothVersionsOutputSkippingWarnings() {
        // docker-compose 1.29 prints the services in the order asked; v2 sorts them. Both: "<service> <sha256>".
        String a = "81758feb6657e9b38d33039644b24cf3e9b438e0bb232d4a4cfca6822dce9a5b";
        String b = "40eb09a55324e8229169690287ccf809133a7a5cbadfa841fc75c71c9717f213";
        assertThat(ComposeCli.parseHashes(List.of("WARNING: some warning about the file", "b " + b, "a " + a)))
                .containsExactly(java.util.Map.entry("b", b), java.util.Map.entry("a", a));
        assertThat(ComposeCli.parseHashes(List.of("a not-a-hash"))).isEmpty();
    }

    @Test
    void theVersionLineTellsDockerCompose1FromV2() {
        assertThat(ComposeCli.isV1("docker-compose version 1.29.2, build unknown\ndocker-py version: 5.0.3"))
                .isTrue();
        assertThat(ComposeCli.isV1("Docker Compose version v2.29.1")).isFalse();
        assertThat(ComposeCli.isV1("Docker Compose version 2.40.3")).isFalse();
    }
}
