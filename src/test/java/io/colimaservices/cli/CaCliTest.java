package io.colimaservices.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.colimaservices.domain.CaCertificate;
import io.colimaservices.testing.Processes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;

import static io.colimaservices.cli.VaultHarness.expectOk;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ca status|trust|untrust|export} end to end through the CLI, against the Vault API double after bootstrap:
 * the exported files are checked with the tools clients use ({@code openssl verify}, the JDK's {@code keytool} and
 * PKIX validation), and trust is checked in a throwaway NSS database under the test's own HOME with
 * {@code certutil} (Debian's libnss3-tools).
 */
class CaCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NICKNAME = "Colima Services Root CA";

    @TempDir
    Path dir;
    VaultHarness harness;

    @BeforeEach
    void start() throws IOException {
        harness = new VaultHarness(dir);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private Path leafOf(String service) throws IOException {
        Path leaf = dir.resolve(service + "-cert.pem");
        Files.writeString(leaf, (String) harness.vault.secret("certs/" + service).get("certificate"));
        return leaf;
    }

    private static Processes.Result tool(String... command) {
        return Processes.run(null, 60, command);
    }

    private static String keytool() {
        return Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    }

    @Test
    void pemExportIsAChainOpensslAcceptsForAServiceCertificateVaultIssued() throws IOException {
        harness.bootstrapped();
        Path chain = dir.resolve("colima-ca.pem");
        CliRun run = expectOk(harness.run("ca", "export", chain.toString()));
        assertThat(run.out()).contains("Wrote 2 CA certificate(s) (Colima Services Intermediate CA, Colima Services "
                + "Root CA) to " + chain + " as pem.");

        List<CaCertificate> certificates = CaCertificate.parseAll(Files.readString(chain));
        assertThat(certificates).extracting(CaCertificate::commonName)
                .containsExactly("Colima Services Intermediate CA", "Colima Services Root CA");
        Path leaf = leafOf("postgres");
        assertThat(tool("openssl", "verify", "-CAfile", chain.toString(), leaf.toString()).orFail("openssl verify")
                .output()).contains(leaf + ": OK");
        // Control: Vault's pki_int/ alone gives only the intermediate, which openssl does not accept as an anchor.
        Path intermediateOnly = dir.resolve("intermediate.pem");
        Files.writeString(intermediateOnly, certificates.getFirst().pem());
        assertThat(tool("openssl", "verify", "-CAfile", intermediateOnly.toString(), leaf.toString()).exitCode())
                .isNotZero();
    }

    @Test
    void trustStoresHoldOnlyTheCaCertificatesAndKeytoolListsThem() throws Exception {
        harness.bootstrapped();
        Path p12 = dir.resolve("colima-ca.p12");
        Path jks = dir.resolve("colima-ca.jks");
        expectOk(harness.run("ca", "export", p12.toString(), "--format", "pkcs12"));
        expectOk(harness.run("ca", "export", jks.toString(), "--format", "jks", "--store-password", "s3cret-pw"));

        String p12List = tool(keytool(), "-list", "-keystore", p12.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit").orFail("keytool -list (PKCS#12)").output();
        assertThat(p12List).contains("Your keystore contains 2 entries", "colima-services-root-ca",
                "colima-services-intermediate-ca").doesNotContain("PrivateKeyEntry");
        assertThat(p12List.split("trustedCertEntry", -1)).hasSize(3);
        String jksList = tool(keytool(), "-list", "-keystore", jks.toString(), "-storetype", "JKS",
                "-storepass", "s3cret-pw").orFail("keytool -list (JKS)").output();
        assertThat(jksList).contains("Your keystore contains 2 entries").doesNotContain("PrivateKeyEntry");
        assertThat(tool(keytool(), "-list", "-keystore", jks.toString(), "-storepass", "changeit").exitCode())
                .as("the store password given is the one that opens it").isNotZero();

        // No private key in the PKCS#12 file, as openssl reads it (it would print one with -nodes).
        String dump = tool("openssl", "pkcs12", "-in", p12.toString(), "-passin", "pass:changeit", "-info", "-nodes")
                .orFail("openssl pkcs12").output();
        assertThat(dump.split("BEGIN CERTIFICATE", -1)).hasSize(3);
        assertThat(dump).doesNotContain("PRIVATE KEY");

        // A JVM client with this trust store accepts the chain a TLS service presents (leaf + intermediate).
        for (Path store : List.of(p12, jks)) {
            KeyStore keyStore = KeyStore.getInstance(store.equals(p12) ? "PKCS12" : "JKS");
            try (InputStream in = Files.newInputStream(store)) {
                keyStore.load(in, (store.equals(p12) ? "changeit" : "s3cret-pw").toCharArray());
            }
            for (String alias : Collections.list(keyStore.aliases())) {
                assertThat(keyStore.isCertificateEntry(alias)).isTrue();
                assertThat(keyStore.isKeyEntry(alias)).isFalse();
            }
            validate(keyStore);
        }
    }

    private void validate(KeyStore trustStore) throws Exception {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        X509Certificate leaf = (X509Certificate) factory.generateCertificate(Files.newInputStream(leafOf("mysql")));
        X509Certificate intermediate = CaCertificate.parseAll(Files.readString(exported())).getFirst().x509();
        PKIXParameters parameters = new PKIXParameters(trustStore);
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(factory.generateCertPath(List.of(leaf, intermediate)),
                parameters);
    }

    private Path exported() {
        Path chain = dir.resolve("chain-for-validation.pem");
        expectOk(harness.run("ca", "export", chain.toString()));
        return chain;
    }

    @Test
    void withoutTheCaFromVaultEveryCommandExitsFive() throws IOException {
        CliRun uninitialized = harness.run("ca", "status");
        assertThat(uninitialized.exitCode()).isEqualTo(5);
        expectOk(harness.run("vault", "init"));
        assertThat(harness.run("ca", "export", dir.resolve("x.pem").toString()).err()).contains("is sealed");
        expectOk(harness.run("vault", "unseal"));
        CliRun noPki = harness.run("ca", "trust");
        assertThat(noPki.exitCode()).isEqualTo(5);
        assertThat(noPki.err()).contains("has no PKI engine at pki_int/", "vault bootstrap");

        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        CliRun down = harness.runAt("http://127.0.0.1:" + port, "", "ca", "status", "--json");
        assertThat(down.exitCode()).isEqualTo(5);
        assertThat(down.err()).contains("Vault unreachable at http://127.0.0.1:" + port);
        assertThat(Files.exists(dir.resolve("x.pem"))).isFalse();
    }

    @Test
    void exportToAMissingDirectoryIsAUsageError() {
        harness.bootstrapped();
        CliRun run = harness.run("ca", "export", dir.resolve("no/such/dir/ca.pem").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("is not a directory");
    }

    private Path nssDatabase() {
        return harness.home.resolve(".pki/nssdb");
    }

    private void createNssDatabase() throws IOException {
        Files.createDirectories(nssDatabase());
        tool("certutil", "-d", "sql:" + nssDatabase(), "-N", "--empty-password").orFail("certutil -N");
    }

    private JsonNode statusJson() throws IOException {
        return JSON.readTree(expectOk(harness.run("ca", "status", "--json")).out());
    }

    @Test
    void trustAndUntrustChangeTheUsersNssDatabase() throws IOException {
        harness.bootstrapped();
        createNssDatabase();
        JsonNode before = statusJson();
        assertThat(before.path("trusted").asBoolean()).isFalse();
        assertThat(before.path("trust").asText()).isEqualTo("not-trusted");
        assertThat(before.path("store").asText()).isEqualTo("the NSS database sql:" + nssDatabase());
        assertThat(before.path("certificates")).hasSize(2);
        assertThat(before.path("certificates").get(1).path("role").asText()).isEqualTo("root");
        assertThat(before.path("certificates").get(1).path("level").asText()).isEqualTo("ok");
        assertThat(harness.run("ca", "status").out()).contains("Not trusted: not in the NSS database",
                "To trust it: colima-services ca trust");

        CliRun trust = expectOk(harness.run("ca", "trust"));
        assertThat(trust.out()).contains("Trusted: trusted for TLS in the NSS database sql:" + nssDatabase());
        assertThat(tool("certutil", "-d", "sql:" + nssDatabase(), "-L").orFail("certutil -L").output())
                .containsPattern(NICKNAME + "\\s+C,,");
        String stored = tool("certutil", "-d", "sql:" + nssDatabase(), "-L", "-n", NICKNAME, "-a")
                .orFail("certutil -L -n").output();
        CaCertificate root = CaCertificate.parseAll(Files.readString(exported())).getLast();
        assertThat(CaCertificate.parseAll(stored)).containsExactly(root);
        assertThat(statusJson().path("trusted").asBoolean()).isTrue();
        assertThat(expectOk(harness.run("ca", "trust")).out()).contains("Already trusted:");

        assertThat(expectOk(harness.run("ca", "untrust")).out()).contains("Not trusted: not in the NSS database");
        assertThat(tool("certutil", "-d", "sql:" + nssDatabase(), "-L", "-n", NICKNAME).exitCode()).isNotZero();
        assertThat(statusJson().path("trusted").asBoolean()).isFalse();
        assertThat(expectOk(harness.run("ca", "untrust")).out()).contains("Not trusted:");
    }

    @Test
    void trustReplacesAnEarlierRootOfTheSameName() throws IOException {
        harness.bootstrapped();
        createNssDatabase();
        Path earlier = dir.resolve("earlier-root.pem");
        tool("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", dir.resolve("k.pem").toString(),
                "-out", earlier.toString(), "-subj", "/CN=" + NICKNAME, "-days", "30", "-addext",
                "basicConstraints=critical,CA:true").orFail("openssl req");
        tool("certutil", "-d", "sql:" + nssDatabase(), "-A", "-t", "C,,", "-n", NICKNAME, "-i", earlier.toString())
                .orFail("certutil -A");
        JsonNode before = statusJson();
        assertThat(before.path("trusted").asBoolean()).isFalse();
        assertThat(before.path("detail").asText()).contains("1 other certificate(s) named");

        expectOk(harness.run("ca", "trust"));
        String stored = tool("certutil", "-d", "sql:" + nssDatabase(), "-L", "-n", NICKNAME, "-a")
                .orFail("certutil -L -n").output();
        assertThat(CaCertificate.parseAll(stored)).extracting(CaCertificate::sha1)
                .containsExactly(CaCertificate.parseAll(Files.readString(exported())).getLast().sha1());
    }

    @Test
    void withoutAnNssDatabaseTrustPrintsTheExactCommandsAndTheyWork() throws IOException {
        harness.bootstrapped();
        CliRun run = expectOk(harness.run("ca", "trust"));
        Path rootFile = harness.runtime().resolve("ca/root-ca.pem");
        String db = "sql:" + nssDatabase();
        assertThat(run.out()).contains("Cannot tell or change here: there is no NSS database at " + nssDatabase(),
                "Run these yourself:",
                "  mkdir -p " + nssDatabase() + "\n",
                "  certutil -d " + db + " -N --empty-password\n",
                "  certutil -d " + db + " -A -t C,, -n 'Colima Services Root CA' -i " + rootFile + "\n");
        assertThat(Files.exists(nssDatabase())).as("nothing created").isFalse();
        assertThat(expectOk(harness.run("ca", "untrust")).out()).contains("Not trusted: there is no NSS database at "
                + nssDatabase() + ": nothing to remove.");
        assertThat(CaCertificate.parseAll(Files.readString(rootFile))).hasSize(1)
                .allMatch(CaCertificate::selfSigned);

        List<String> lines = run.out().lines().toList();
        for (String line : lines.subList(lines.indexOf("Run these yourself:") + 1, lines.size())) {
            tool("sh", "-c", line.strip()).orFail(line);
        }
        assertThat(statusJson().path("trusted").asBoolean()).isTrue();
    }

    @Test
    void withoutCertutilTheCommandsAreShownAndNothingRuns() throws IOException {
        harness.bootstrapped();
        createNssDatabase();
        harness.environment("PATH", dir.resolve("bin").toString());
        JsonNode status = statusJson();
        assertThat(status.path("trust").asText()).isEqualTo("unknown");
        assertThat(status.path("detail").asText()).contains("certutil is not installed", "libnss3-tools");
        assertThat(status.path("commands")).hasSize(1);
        assertThat(status.path("commands").get(0).asText()).startsWith("certutil -d sql:" + nssDatabase() + " -A");
        assertThat(expectOk(harness.run("ca", "untrust")).out()).contains("Run these yourself:",
                "certutil -d sql:" + nssDatabase() + " -D -n 'Colima Services Root CA'");
        assertThat(new String(Files.readAllBytes(harness.runtime().resolve("ca/root-ca.pem")),
                StandardCharsets.US_ASCII)).startsWith("-----BEGIN CERTIFICATE-----");
    }
}
