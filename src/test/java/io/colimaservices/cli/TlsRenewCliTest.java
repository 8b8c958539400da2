package io.colimaservices.cli;

import io.colimaservices.domain.RecordingRestarter;
import io.colimaservices.vault.AgentArming;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.colimaservices.cli.VaultHarness.expectOk;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code tls SERVICE renew} against the Vault API double: a new certificate, nothing else of the secrets lost. */
class TlsRenewCliTest {
    private static final String[] CERT_FIELDS = {"certificate", "private_key", "issuing_ca", "ca_chain",
            "serial_number", "expiration"};

    @TempDir
    Path dir;
    VaultHarness harness;

    @BeforeEach
    void start() throws IOException {
        harness = new VaultHarness(dir);
        harness.bootstrapped();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    /** Adds a field the app does not know to the stored certificate secret, as another tool might. */
    private void addForeignField() {
        Map<String, Object> certs = new LinkedHashMap<>(harness.vault.secret("certs/postgres"));
        certs.put("note", "kept by whoever wrote it");
        harness.vault.writeSecretDirectly("certs/postgres", certs);
    }

    @Test
    void renewReplacesTheCertificateKeepsEveryOtherFieldAndRestartsAgentThenService() throws IOException {
        RecordingRestarter restarter = new RecordingRestarter();
        harness.useRestarter(restarter);
        addForeignField();
        Map<String, Object> before = harness.vault.secret("certs/postgres");
        Map<String, Object> service = harness.vault.secret("postgresql");
        int serviceVersion = harness.vault.secretVersion("postgresql");
        Path secretId = AgentArming.agentDir(harness.runtime(), "postgres").resolve("secret_id");
        String armedBefore = Files.readString(secretId);

        CliRun run = expectOk(harness.run("tls", "postgres", "renew"));

        Map<String, Object> after = harness.vault.secret("certs/postgres");
        assertThat(after).containsOnlyKeys(before.keySet()).containsEntry("note", "kept by whoever wrote it");
        for (String field : new String[]{"certificate", "private_key", "serial_number"}) {
            assertThat(after.get(field)).as(field).isNotEqualTo(before.get(field));
        }
        assertThat(after).containsKeys(CERT_FIELDS);
        assertThat(harness.vault.secret("postgresql")).isEqualTo(service);
        assertThat(harness.vault.secretVersion("postgresql")).as("the service's secret is not written")
                .isEqualTo(serviceVersion);
        assertThat(restarter.restarted()).containsExactly("vault-agent", "postgres");
        assertThat(Files.readString(secretId)).as("re-armed").isNotEqualTo(armedBefore);
        String newSerial = serialHex((String) after.get("serial_number"));
        assertThat(run.out()).contains("issued a new certificate for postgres (serial " + newSerial + ")",
                "re-armed vault-agent", "postgres: replaced certificate " + serialHex((String) before.get("serial_number")),
                "postgres: new certificate " + newSerial + ", valid for ", "Restarted vault-agent, postgres: healthy.");
    }

    /** Vault's colon-separated serial as the app prints it (hex of the number, no separators). */
    private static String serialHex(String vaultSerial) {
        return new java.math.BigInteger(vaultSerial.replace(":", ""), 16).toString(16);
    }

    @Test
    void renewMergesAgainWhenAnotherWriterStoresMeanwhile() {
        AtomicBoolean raced = new AtomicBoolean();
        harness.vault.beforeKvWrite(path -> {
            if (path.equals("certs/postgres") && raced.compareAndSet(false, true)) {
                Map<String, Object> other = new LinkedHashMap<>(harness.vault.secret("certs/postgres"));
                other.put("note", "written meanwhile");
                harness.vault.writeSecretDirectly("certs/postgres", other);
            }
        });
        String before = (String) harness.vault.secret("certs/postgres").get("certificate");
        expectOk(harness.run("tls", "postgres", "renew"));
        assertThat(raced).isTrue();
        assertThat(harness.vault.secret("certs/postgres")).containsEntry("note", "written meanwhile")
                .containsKeys(CERT_FIELDS);
        assertThat(harness.vault.secret("certs/postgres").get("certificate")).isNotEqualTo(before);
    }

    @Test
    void withoutARestarterRenewSaysWhatToRestart() {
        CliRun run = expectOk(harness.run("tls", "redis-1", "renew"));
        assertThat(run.out()).contains("To apply it, restart them: docker compose restart vault-agent redis-1");
    }

    @Test
    void aServiceWithoutTlsOrASealedVaultIsRefused() {
        CliRun noTls = harness.run("tls", "grafana", "renew");
        assertThat(noTls.exitCode()).isEqualTo(2);
        assertThat(noTls.err()).contains("grafana has no TLS");
        harness.vault.seal();
        CliRun sealed = harness.run("tls", "postgres", "renew");
        assertThat(sealed.exitCode()).isEqualTo(5);
        assertThat(sealed.err()).contains("is sealed");
    }

    @Test
    void aServiceThatStaysUnhealthyExitsFourWithTheNewCertificateStored() {
        harness.useRestarter(new RecordingRestarter("mysql"));
        String before = (String) harness.vault.secret("certs/mysql").get("certificate");
        CliRun run = harness.run("tls", "mysql", "renew");
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).contains("mysql did not become healthy");
        assertThat(harness.vault.secret("certs/mysql").get("certificate")).isNotEqualTo(before);
    }
}
