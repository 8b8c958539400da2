package io.colimaservices.vault;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.colimaservices.domain.VaultPhase;
import io.colimaservices.domain.VaultState;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** An https Vault is trusted through --vault-ca only; without it the certificate is refused, never ignored. */
class VaultTlsEndpointTest {
    @TempDir
    Path dir;
    private HttpsServer server;
    private Path caFile;

    @BeforeEach
    void start() throws Exception {
        KeyPair caKeys = TestPki.keyPair();
        X509Certificate ca = TestPki.selfSignedCa("Test Vault CA", caKeys, Duration.ofDays(1));
        KeyPair serverKeys = TestPki.keyPair();
        X509Certificate cert = TestPki.sign(new X500Name("CN=vault"), serverKeys.getPublic(),
                new X500Name("CN=Test Vault CA"), caKeys, Duration.ofDays(1), false, List.of("localhost"),
                List.of("127.0.0.1"));
        caFile = dir.resolve("ca.pem");
        Files.writeString(caFile, TestPki.pem(ca) + "\n");

        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setKeyEntry("vault", serverKeys.getPrivate(), "pw".toCharArray(), new Certificate[] {cert, ca});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore, "pw".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        server.createContext("/v1/sys/seal-status", exchange -> {
            byte[] body = "{\"initialized\":true,\"sealed\":true,\"t\":3,\"n\":5,\"progress\":2,\"version\":\"1.18.5\"}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String address() {
        return "https://localhost:" + server.getAddress().getPort();
    }

    @Test
    void trustsTheGivenCa() {
        try (VaultHttp http = new VaultHttp(VaultEndpoint.parse(address(), Optional.of(caFile)))) {
            VaultState state = new HttpVaultGateway(http).status();
            assertThat(state.phase()).isEqualTo(VaultPhase.SEALED);
            assertThat(state.progress()).isEqualTo(2);
        }
    }

    @Test
    void refusesAnUntrustedCertificate() {
        try (VaultHttp http = new VaultHttp(VaultEndpoint.parse(address(), Optional.empty()))) {
            VaultState state = new HttpVaultGateway(http).status();
            assertThat(state.phase()).isEqualTo(VaultPhase.DOWN);
            assertThat(state.error().orElseThrow()).contains("Vault unreachable at " + address());
        }
    }
}
