package io.colimaservices.domain;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Vault address, CA file and Docker host a user sets in Preferences: a saved one is always usable. */
class ConnectionsTest {
    @Test
    void aVaultAddressWithoutSchemeIsRefusedInOneClearLine() {
        assertThatThrownBy(() -> new Connections(Optional.of("127.0.0.1:8200"), Optional.empty(), Optional.empty()))
                .isInstanceOf(UserError.class)
                .hasMessage("Vault address '127.0.0.1:8200' is not a Vault address")
                .satisfies(e -> assertThat(((UserError) e).hint()).contains("http://HOST:PORT"));
    }

    @Test
    void aCaFileNeedsHttpsAndAnAbsolutePath() {
        assertThatThrownBy(() -> new Connections(Optional.of("http://127.0.0.1:8200"), Optional.of(Path.of("/ca.pem")),
                Optional.empty())).hasMessageContaining("only used with an https address");
        assertThatThrownBy(() -> new Connections(Optional.of("https://v:8200"), Optional.of(Path.of("ca.pem")),
                Optional.empty())).hasMessageContaining("not an absolute path");
        assertThat(new Connections(Optional.of("https://v:8200"), Optional.of(Path.of("/ca.pem")), Optional.empty())
                .vaultCaFile()).contains(Path.of("/ca.pem"));
    }

    @Test
    void dockerHostsAreUnixTcpOrAPathAndBlankMeansTheDefault() {
        assertThat(new Connections(Optional.of(" "), Optional.empty(), Optional.of("/var/run/docker.sock")))
                .isEqualTo(new Connections(Optional.empty(), Optional.empty(), Optional.of("/var/run/docker.sock")));
        assertThat(new Connections(Optional.empty(), Optional.empty(), Optional.of("tcp://127.0.0.1:2375"))
                .dockerHost()).contains("tcp://127.0.0.1:2375");
        assertThatThrownBy(() -> new Connections(Optional.empty(), Optional.empty(), Optional.of("localhost:2375")))
                .hasMessage("Docker host 'localhost:2375' is not a Docker host");
    }
}
