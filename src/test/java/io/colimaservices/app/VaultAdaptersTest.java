package io.colimaservices.app;

import io.colimaservices.cli.VaultHarness;
import io.colimaservices.domain.CertificateExpiry;
import io.colimaservices.domain.ConnectionFormat;
import io.colimaservices.domain.CredentialService;
import io.colimaservices.domain.CredentialService.CredentialEntry;
import io.colimaservices.domain.RecordingRestarter;
import io.colimaservices.domain.UserError;
import io.colimaservices.domain.VaultOperations;
import io.colimaservices.domain.VaultPhase;
import io.colimaservices.domain.VaultState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pages' use cases as the app wires them ({@link UseCases#vault()}, {@link UseCases#credentials()}) against the
 * in-process Vault API double: init, unseal, bootstrap, credentials, TLS toggle, import.
 */
class VaultAdaptersTest {
    @TempDir
    Path dir;
    VaultHarness harness;
    AppContext context;
    RecordingRestarter restarter;
    VaultOperations vault;
    CredentialService credentials;

    @BeforeEach
    void start() throws IOException {
        harness = new VaultHarness(dir);
        context = harness.context();
        restarter = new RecordingRestarter();
        context.useServiceRestarter(restarter);
        vault = context.useCases().vault();
        credentials = context.useCases().credentials();
    }

    @AfterEach
    void stop() {
        context.close();
        harness.close();
    }

    @Test
    void initUnsealBootstrapCredentialsAndTlsToggle() throws IOException {
        assertThat(vault.status().phase()).isEqualTo(VaultPhase.UNINITIALIZED);
        assertThat(vault.storedKeys()).isEqualTo(VaultOperations.StoredKeys.NONE);

        VaultOperations.InitOutcome init = vault.init(5, 3);
        assertThat(init.shares()).isEqualTo(5);
        assertThat(init.threshold()).isEqualTo(3);
        assertThat(init.storedIn()).contains(harness.secretsFile().toString()).isEqualTo(vault.storeDescription());
        assertThat(init.weakerStore()).isTrue();
        assertThat(vault.weakerStore()).isTrue();
        assertThat(vault.storedKeys()).isEqualTo(new VaultOperations.StoredKeys(5, true, false));

        // One typed share, then the stored ones finish the job.
        VaultOperations.UnsealOutcome typed = vault.submitShare(harness.vault.unsealKeys().getFirst());
        assertThat(typed.state().phase()).isEqualTo(VaultPhase.SEALED);
        assertThat(typed.state().progress()).isEqualTo(1);
        List<VaultState> progress = new ArrayList<>();
        VaultOperations.UnsealOutcome unsealed = vault.unsealWithStoredShares(progress::add);
        assertThat(unsealed.state().phase()).isEqualTo(VaultPhase.UNSEALED);
        assertThat(progress).extracting(VaultState::progress).startsWith(1, 2);
        assertThat(progress.getLast().phase()).isEqualTo(VaultPhase.UNSEALED);
        assertThat(vault.unsealWithStoredShares(progress::add).alreadyUnsealed()).isTrue();

        List<String> lines = new ArrayList<>();
        VaultOperations.BootstrapOutcome bootstrap = vault.bootstrap(lines::add);
        assertThat(lines).isNotEmpty().anyMatch(l -> l.startsWith("armed vault-agent"));
        assertThat(bootstrap.secrets()).isGreaterThanOrEqualTo(6);
        assertThat(bootstrap.appTokenCreated()).isTrue();
        assertThat(bootstrap.caChain()).exists();
        assertThat(bootstrap.armedServices()).isPositive();
        assertThat(vault.storedKeys()).isEqualTo(new VaultOperations.StoredKeys(5, true, true));
        assertThat(vault.bootstrap(l -> { }).appTokenCreated()).isFalse();

        Path export = dir.resolve("shares.txt");
        assertThat(vault.exportShares(export)).isEqualTo(5);
        assertThat(Files.getPosixFilePermissions(export)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> vault.exportShares(export)).isInstanceOf(UserError.class)
                .hasMessageContaining("already exists");

        // Credentials: the catalog's services with a vault path, with the formats their kind supports.
        List<CredentialEntry> services = credentials.services();
        assertThat(services).extracting(CredentialEntry::service)
                .containsExactly("postgres", "pgbouncer", "mysql", "mongodb", "redis-1", "redis-2", "redis-3",
                        "rabbitmq", "forgejo", "grafana", "redis-exporter-1", "redis-exporter-2", "redis-exporter-3");
        assertThat(entry(services, "pgbouncer").tlsCapable()).as("a vault path, no TLS label").isFalse();
        assertThat(entry(services, "postgres").formats()).containsExactly(ConnectionFormat.values());
        assertThat(entry(services, "postgres").path()).isEqualTo("postgresql");
        assertThat(entry(services, "redis-1").formats())
                .containsExactly(ConnectionFormat.URL, ConnectionFormat.ENV, ConnectionFormat.JSON);
        assertThat(entry(services, "forgejo").formats())
                .containsExactly(ConnectionFormat.URL, ConnectionFormat.ENV, ConnectionFormat.JSON);
        assertThat(entry(services, "forgejo").tlsCapable()).isTrue();

        CredentialService.SecretOverview postgres = credentials.overview("postgres");
        assertThat(postgres.fields()).containsExactly("username", "database", "password");
        assertThat(postgres.tls()).isPresent();
        assertThat(postgres.tls().get().enabled()).isTrue();
        CertificateExpiry expiry = postgres.tls().get().certificate().orElseThrow();
        assertThat(expiry.level()).isEqualTo(CertificateExpiry.Level.OK);
        assertThat(expiry.daysLeft()).isBetween(360L, 366L);

        String password = credentials.fieldValue("postgres", "password");
        assertThat(password).hasSize(25).isEqualTo(harness.vault.secret("postgresql").get("password"));
        String masked = credentials.maskedConnectionString("postgres", ConnectionFormat.URL);
        assertThat(masked).isEqualTo("postgresql://dev_admin:" + CredentialService.MASK
                + "@localhost:5432/dev_database?sslmode=require");
        assertThat(credentials.connectionString("postgres", ConnectionFormat.URL))
                .isEqualTo(masked.replace(CredentialService.MASK, password));
        for (ConnectionFormat format : ConnectionFormat.values()) {
            assertThat(credentials.maskedConnectionString("postgres", format)).doesNotContain(password)
                    .contains(CredentialService.MASK);
        }
        assertThatThrownBy(() -> credentials.fieldValue("postgres", "nope")).isInstanceOf(UserError.class)
                .hasMessageContaining("has no field 'nope'").message().doesNotContain(password);

        // TLS off: flag merged (password kept), vault-agent and the service restarted, string without TLS.
        List<String> tlsLines = new ArrayList<>();
        CredentialService.TlsChange off = credentials.setTls("postgres", false, tlsLines::add);
        assertThat(off.changed()).isTrue();
        assertThat(off.status().enabled()).isFalse();
        assertThat(off.restarted()).containsExactly("vault-agent", "postgres");
        assertThat(restarter.restarted()).containsExactly("vault-agent", "postgres");
        assertThat(tlsLines).anyMatch(l -> l.contains("tls_enabled=false"))
                .anyMatch(l -> l.startsWith("restarting postgres"));
        assertThat(harness.vault.secret("postgresql")).containsEntry("password", password)
                .containsEntry("tls_enabled", false);
        assertThat(credentials.tlsStatus("postgres").enabled()).isFalse();
        assertThat(credentials.maskedConnectionString("postgres", ConnectionFormat.JDBC)).isEqualTo(
                "jdbc:postgresql://localhost:5432/dev_database?user=dev_admin&password=" + CredentialService.MASK);

        // Redis over TLS uses its TLS port.
        assertThat(credentials.maskedConnectionString("redis-1", ConnectionFormat.URL))
                .isEqualTo("rediss://:" + CredentialService.MASK + "@localhost:6390");

        // Forgejo: its web admin from secret/forgejo, the login in a git URL on its (HTTPS) port.
        assertThat(credentials.overview("forgejo").fields())
                .containsExactly("admin_username", "admin_email", "admin_password");
        String admin = credentials.fieldValue("forgejo", "admin_password");
        assertThat(credentials.maskedConnectionString("forgejo", ConnectionFormat.URL))
                .isEqualTo("https://dev_admin:" + CredentialService.MASK + "@localhost:3000/");
        assertThat(credentials.maskedConnectionString("forgejo", ConnectionFormat.ENV)).doesNotContain(admin)
                .contains("GIT_USERNAME=dev_admin", "GIT_PASSWORD=" + CredentialService.MASK);
        assertThatThrownBy(() -> credentials.maskedConnectionString("forgejo", ConnectionFormat.JDBC))
                .isInstanceOf(UserError.class);

        assertThat(credentials.tokenStored(CredentialService.VaultToken.ROOT)).isTrue();
        assertThat(credentials.tokenStored(CredentialService.VaultToken.APP)).isTrue();
        assertThat(credentials.token(CredentialService.VaultToken.APP))
                .isNotEqualTo(credentials.token(CredentialService.VaultToken.ROOT));
    }

    @Test
    void wrongShareReportsVaultsErrorAndTheResetNeverTheShare() {
        vault.init(5, 3);
        List<String> keys = harness.vault.unsealKeys();
        vault.submitShare(keys.get(0));
        vault.submitShare(keys.get(1));
        String wrong = "ab".repeat(33);

        assertThatThrownBy(() -> vault.submitShare(wrong)).isInstanceOf(UserError.class)
                .hasMessageContaining("progress reset to 0/3").message().doesNotContain(wrong);
        assertThat(vault.status().progress()).isZero();
        assertThatThrownBy(() -> vault.submitShare("  ")).isInstanceOf(UserError.class);
    }

    @Test
    void certificateExpiryLevelsFollowTheCertificate() {
        vault.init(5, 3);
        vault.unsealWithStoredShares(s -> { });
        harness.vault.leafLifetime(Duration.ofDays(5));
        vault.bootstrap(l -> { });

        CertificateExpiry critical = credentials.tlsStatus("postgres").certificate().orElseThrow();
        assertThat(critical.level()).isEqualTo(CertificateExpiry.Level.CRITICAL);
        assertThat(critical.daysLeft()).isEqualTo(4);

        harness.vault.leafLifetime(Duration.ofDays(20));
        CredentialService.TlsChange renewed = credentials.setTls("postgres", false, l -> { });
        assertThat(renewed.certificateIssued()).isTrue();
        assertThat(renewed.status().certificate().orElseThrow().level()).isEqualTo(CertificateExpiry.Level.WARN);
    }

    @Test
    void sealedVaultRefusesCredentialsWithTheUnsealHint() {
        vault.init(5, 3);
        vault.unsealWithStoredShares(s -> { });
        vault.bootstrap(l -> { });
        harness.vault.seal();

        assertThatThrownBy(() -> credentials.overview("postgres")).isInstanceOf(UserError.class)
                .hasMessageContaining("is sealed");
        // The tokens live in the secret store: still there.
        assertThat(credentials.tokenStored(CredentialService.VaultToken.ROOT)).isTrue();
    }

    @Test
    void importsTheOriginalFilesThenDeletesThemOnRequest() throws IOException {
        String rootToken = harness.vault.initializeDirectly(5, 3);
        List<String> keys = harness.vault.unsealKeys();
        Path original = vault.defaultImportDirectory();
        assertThat(original).isEqualTo(harness.home.resolve(".config/vault"));
        Files.createDirectories(original);
        Files.writeString(original.resolve("keys.json"), "{\"keys\": [\"" + String.join("\", \"", keys)
                + "\"], \"root_token\": \"" + rootToken + "\"}");
        Files.writeString(original.resolve("root-token"), rootToken + "\n");

        assertThatThrownBy(() -> vault.importFrom(dir.resolve("empty"))).isInstanceOf(UserError.class)
                .hasMessageContaining("nothing to import");
        VaultOperations.ImportOutcome imported = vault.importFrom(original);
        assertThat(imported.shares()).isEqualTo(5);
        assertThat(imported.rootToken()).isTrue();
        assertThat(imported.files()).containsExactly(original.resolve("keys.json"), original.resolve("root-token"));
        assertThat(vault.storedKeys()).isEqualTo(new VaultOperations.StoredKeys(5, true, false));
        assertThat(vault.unsealWithStoredShares(s -> { }).state().phase()).isEqualTo(VaultPhase.UNSEALED);

        assertThat(vault.deleteOriginalFiles(imported.files())).containsExactlyElementsOf(imported.files());
        assertThat(original.resolve("keys.json")).doesNotExist();
        assertThat(original.resolve("root-token")).doesNotExist();
    }

    private static CredentialEntry entry(List<CredentialEntry> services, String name) {
        Optional<CredentialEntry> found = services.stream().filter(e -> e.service().equals(name)).findFirst();
        return found.orElseThrow();
    }
}
