package io.colimaservices.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.colimaservices.domain.RecordingRestarter;
import io.colimaservices.domain.ServiceRestarter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.colimaservices.cli.VaultHarness.expectOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every Vault command against the Vault API double, end to end through the CLI. */
class VaultCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

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

    private JsonNode statusJson() throws IOException {
        return JSON.readTree(harness.run("vault", "status", "--json").out());
    }

    @Test
    void statusReportsEveryState() throws IOException {
        JsonNode uninitialized = statusJson();
        assertThat(uninitialized.path("state").asText()).isEqualTo("uninitialized");
        assertThat(uninitialized.path("address").asText()).isEqualTo(harness.vault.address());

        expectOk(harness.run("vault", "init", "--shares", "5", "--threshold", "3"));
        JsonNode sealed = statusJson();
        assertThat(sealed.path("state").asText()).isEqualTo("sealed");
        assertThat(sealed.path("progress").asInt()).isZero();
        assertThat(sealed.path("threshold").asInt()).isEqualTo(3);
        assertThat(sealed.path("shares").asInt()).isEqualTo(5);
        assertThat(sealed.path("version").asText()).isEqualTo("1.18.5");

        harness.runWithStdin(harness.vault.unsealKeys().getFirst() + "\n", "vault", "unseal", "--key-stdin");
        assertThat(statusJson().path("progress").asInt()).isEqualTo(1);
        assertThat(harness.run("vault", "status").out()).contains("sealed, progress 1/3 (5 shares)");

        expectOk(harness.run("vault", "unseal"));
        JsonNode unsealed = statusJson();
        assertThat(unsealed.path("state").asText()).isEqualTo("unsealed");
        assertThat(unsealed.path("standby").asBoolean()).isFalse();
    }

    @Test
    void unreachableVaultIsDownWithExitFive() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        CliRun json = harness.runAt("http://127.0.0.1:" + port, "", "vault", "status", "--json");
        assertThat(json.exitCode()).isEqualTo(5);
        assertThat(JSON.readTree(json.out()).path("state").asText()).isEqualTo("down");

        CliRun unseal = harness.runAt("http://127.0.0.1:" + port, "", "vault", "unseal");
        assertThat(unseal.exitCode()).isEqualTo(5);
        assertThat(unseal.err()).startsWith("error: Vault unreachable at http://127.0.0.1:" + port);
    }

    @Test
    void initThenUnsealWithStoredSharesReportsProgress() {
        CliRun init = expectOk(harness.run("vault", "init"));
        assertThat(init.out()).contains("5 unseal key shares (3 needed to unseal) and the root token are stored in "
                + "the file " + harness.secretsFile());
        assertThat(init.err()).contains("warning: no keychain answered");

        CliRun unseal = expectOk(harness.run("vault", "unseal"));
        assertThat(unseal.out()).contains("Share accepted: progress 1/3.", "Share accepted: progress 2/3.",
                "Vault at " + harness.vault.address() + " is unsealed.");
        assertThat(harness.vault.isSealed()).isFalse();

        CliRun again = expectOk(harness.run("vault", "unseal"));
        assertThat(again.out()).isEqualTo("Vault at " + harness.vault.address() + " is already unsealed."
                + System.lineSeparator());
    }

    @Test
    void initTwiceIsRefused() {
        expectOk(harness.run("vault", "init"));
        CliRun again = harness.run("vault", "init");
        assertThat(again.exitCode()).isEqualTo(5);
        assertThat(again.err()).contains("is already initialized");
    }

    @Test
    void wrongShareShowsVaultsErrorResetsProgressAndNeverEchoesTheShare() {
        expectOk(harness.run("vault", "init"));
        List<String> keys = harness.vault.unsealKeys();
        String wrong = "ab".repeat(33);
        harness.runWithStdin(keys.get(0) + "\n", "vault", "unseal", "--key-stdin");
        harness.runWithStdin(keys.get(1) + "\n", "vault", "unseal", "--key-stdin");
        CliRun run = harness.runWithStdin(wrong + "\n", "vault", "unseal", "--key-stdin");

        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.err()).contains("Error unsealing").contains("progress reset to 0/3");
        assertThat(run.out() + run.err()).doesNotContain(wrong);
        assertThat(harness.vault.isSealed()).isTrue();
        expectOk(harness.run("vault", "unseal"));
    }

    @Test
    void bootstrapTwiceChangesNothingAndKeepsPasswords() throws IOException {
        expectOk(harness.run("vault", "init"));
        expectOk(harness.run("vault", "unseal"));
        CliRun first = expectOk(harness.run("vault", "bootstrap"));
        assertThat(first.out()).contains("secret/postgresql: added username, database, password, tls_enabled",
                "generated the root CA", "issued a certificate for postgres", "created the app token");
        Map<String, Integer> versions = harness.vault.secretVersions();
        Map<String, Object> postgres = harness.vault.secret("postgresql");
        String chain = Files.readString(harness.runtime().resolve("ca/ca-chain.pem"));

        CliRun second = expectOk(harness.run("vault", "bootstrap"));
        assertThat(second.out()).contains("Vault already had everything; nothing was changed.");
        assertThat(harness.vault.secretVersions()).isEqualTo(versions);
        assertThat(harness.vault.secret("postgresql")).isEqualTo(postgres);
        assertThat(Files.readString(harness.runtime().resolve("ca/ca-chain.pem"))).isEqualTo(chain);

        assertThat(postgres).containsEntry("username", "dev_admin").containsEntry("database", "dev_database")
                .containsEntry("tls_enabled", true);
        assertThat((String) postgres.get("password")).matches("[A-Za-z0-9]{25}");
        assertThat(harness.vault.secret("redis-2").get("password"))
                .isEqualTo(harness.vault.secret("redis-1").get("password"))
                .isEqualTo(harness.vault.secret("redis-3").get("password"));
        assertThat(harness.vault.secret("certs/postgres")).containsKeys("certificate", "private_key", "issuing_ca",
                "ca_chain", "serial_number", "expiration");
        assertThat(chain).contains("BEGIN CERTIFICATE");
    }

    @Test
    void bootstrapArmsTheAgentWithWrappedSingleUseSecretIds() throws IOException {
        harness.bootstrapped();
        Path agent = harness.runtime().resolve("vault-agent/postgres");
        String wrapped = Files.readString(agent.resolve("secret_id"));
        assertThat(Files.getPosixFilePermissions(agent.resolve("secret_id")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(agent.resolve("role_id")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        Map<String, Object> unwrapped = harness.vault.unwrap(wrapped).orElseThrow();
        @SuppressWarnings("unchecked")
        String secretId = (String) ((Map<String, Object>) unwrapped.get("data")).get("secret_id");
        assertThat(harness.vault.secretIdValid("postgres", secretId)).isTrue();
        assertThat(harness.vault.unwrap(wrapped)).isEmpty();
        assertThat(harness.vault.policy("svc-postgres").orElseThrow())
                .contains("secret/data/postgresql").contains("secret/data/certs/postgres");
    }

    @Test
    void dailyWorkUsesTheScopedAppTokenNotTheRootToken() {
        harness.bootstrapped();
        int before = harness.vault.requests().size();
        expectOk(harness.run("creds", "postgres"));
        expectOk(harness.run("tls", "postgres", "status"));
        List<String> daily = harness.vault.requests().subList(before, harness.vault.requests().size());
        assertThat(daily).filteredOn(r -> r.contains("secret/")).isNotEmpty()
                .allMatch(r -> r.contains("colima-services-app") && !r.contains("root"));
    }

    @Test
    void credsBuildsConnectionStringsFromCatalogPortsAndTheSecret() {
        harness.bootstrapped();
        String pg = (String) harness.vault.secret("postgresql").get("password");
        String redis = (String) harness.vault.secret("redis-1").get("password");
        String rabbit = (String) harness.vault.secret("rabbitmq").get("password");
        String mongo = (String) harness.vault.secret("mongodb").get("password");

        assertThat(expectOk(harness.run("creds", "postgres")).out().strip())
                .isEqualTo("postgresql://dev_admin:" + pg + "@localhost:5432/dev_database?sslmode=require");
        assertThat(expectOk(harness.run("creds", "postgres", "--format", "jdbc")).out().strip())
                .isEqualTo("jdbc:postgresql://localhost:5432/dev_database?user=dev_admin&password=" + pg
                        + "&sslmode=require");
        assertThat(expectOk(harness.run("creds", "postgres", "--field", "password")).out().strip()).isEqualTo(pg);
        assertThat(expectOk(harness.run("creds", "postgres", "--format", "env")).out())
                .contains("PGPASSWORD=" + pg, "PGSSLMODE=require");
        assertThat(expectOk(harness.run("creds", "redis-1")).out().strip())
                .isEqualTo("rediss://:" + redis + "@localhost:6390");
        assertThat(expectOk(harness.run("creds", "rabbitmq")).out().strip())
                .isEqualTo("amqps://dev_user:" + rabbit + "@localhost:5671/dev_vhost");
        assertThat(expectOk(harness.run("creds", "mongodb")).out().strip())
                .isEqualTo("mongodb://dev_user:" + mongo + "@localhost:27017/dev_database?authSource=admin&tls=true");
        assertThat(expectOk(harness.run("creds", "mysql", "--format", "json")).out())
                .contains("\"jdbc\" : \"jdbc:mysql://localhost:3306/dev_database?user=dev_user&password=");

        expectOk(harness.run("tls", "redis-1", "off"));
        assertThat(expectOk(harness.run("creds", "redis-1")).out().strip())
                .isEqualTo("redis://:" + redis + "@localhost:6379");

        String admin = (String) harness.vault.secret("forgejo").get("admin_password");
        assertThat(admin).matches("[A-Za-z0-9]{25}");
        assertThat(expectOk(harness.run("creds", "forgejo")).out().strip())
                .isEqualTo("https://dev_admin:" + admin + "@localhost:3000/");
        assertThat(expectOk(harness.run("creds", "forgejo", "--format", "env")).out())
                .contains("GIT_URL=https://localhost:3000/", "GIT_USERNAME=dev_admin", "GIT_PASSWORD=" + admin);
        assertThat(expectOk(harness.run("creds", "forgejo", "--field", "admin_email")).out().strip())
                .isEqualTo("dev_admin@localhost");
        expectOk(harness.run("tls", "forgejo", "off"));
        assertThat(expectOk(harness.run("creds", "forgejo")).out().strip())
                .isEqualTo("http://dev_admin:" + admin + "@localhost:3000/");
        assertThat(harness.run("creds", "forgejo", "--format", "jdbc").exitCode()).isEqualTo(2);

        CliRun jdbcRedis = harness.run("creds", "redis-1", "--format", "jdbc");
        assertThat(jdbcRedis.exitCode()).isEqualTo(2);
        CliRun unknown = harness.run("creds", "nope");
        assertThat(unknown.exitCode()).isEqualTo(2);
    }

    @Test
    void certificatesNameTheStaticAddressTheComposeFileGivesAndFollowItsSubnet() throws Exception {
        harness.environment("COLIMA_SERVICES_NET", "10.77");
        harness.bootstrapped();
        Map<String, Integer> versions = harness.vault.secretVersions();
        assertThat(ipSans("postgres")).containsExactlyInAnyOrder("10.77.0.10", "127.0.0.1");
        assertThat(ipSans("mysql")).containsExactlyInAnyOrder("10.77.0.12", "127.0.0.1");
        // Same prefix: the certificates name the addresses already, none is issued again.
        assertThat(expectOk(harness.run("vault", "bootstrap")).out()).doesNotContain("issued a certificate");

        harness.environment("COLIMA_SERVICES_NET", "10.78");
        CliRun again = expectOk(harness.run("vault", "bootstrap"));

        assertThat(again.out()).contains("issued a certificate for postgres", "issued a certificate for mysql");
        assertThat(ipSans("postgres")).containsExactlyInAnyOrder("10.78.0.10", "127.0.0.1");
        assertThat(ipSans("mysql")).containsExactlyInAnyOrder("10.78.0.12", "127.0.0.1");
        // The credentials are left alone.
        assertThat(harness.vault.secretVersions()).containsEntry("postgresql", versions.get("postgresql"))
                .containsEntry("mysql", versions.get("mysql"));
    }

    private List<String> ipSans(String service) throws Exception {
        String pem = (String) harness.vault.secret("certs/" + service).get("certificate");
        java.security.cert.X509Certificate cert = (java.security.cert.X509Certificate)
                java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(
                        new java.io.ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        return cert.getSubjectAlternativeNames().stream().filter(n -> (Integer) n.get(0) == 7)
                .map(n -> (String) n.get(1)).toList();
    }

    @Test
    void credsCopyPutsTheValueOnTheClipboardAndClearsItOnTime() throws IOException {
        harness.bootstrapped();
        String pg = (String) harness.vault.secret("postgresql").get("password");
        CliRun run = expectOk(harness.run("creds", "postgres", "--field", "password", "--copy", "--clear-after", "2"));
        assertThat(run.out()).contains("Copied the password of postgres to the clipboard (xsel)")
                .doesNotContain(pg);
        assertThat(Files.readString(harness.clipboardFile)).isEqualTo(pg);
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.readString(harness.clipboardFile).isEmpty());
    }

    @Test
    void clearerLeavesWhatTheUserCopiedSince() throws IOException, InterruptedException {
        harness.bootstrapped();
        expectOk(harness.run("vault", "token", "--copy", "--clear-after", "1"));
        Files.writeString(harness.clipboardFile, "something the user copied");
        Thread.sleep(4_000);
        assertThat(Files.readString(harness.clipboardFile)).isEqualTo("something the user copied");
    }

    @Test
    void tokensAreNeverPrinted() {
        harness.bootstrapped();
        CliRun run = harness.run("vault", "token");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("tokens are never printed");
    }

    @Test
    void tlsOnOffKeepsEveryOtherFieldAndRestartsAgentThenService() {
        harness.bootstrapped();
        RecordingRestarter restarter = new RecordingRestarter();
        harness.useRestarter(restarter);
        Map<String, Object> before = new LinkedHashMap<>(harness.vault.secret("postgresql"));

        CliRun off = expectOk(harness.run("tls", "postgres", "off"));
        assertThat(off.out()).contains("postgres: TLS off", "Restarted vault-agent, postgres: healthy.",
                "certificate of postgres valid for");
        assertThat(harness.vault.secret("postgresql")).containsEntry("tls_enabled", false);
        expectOk(harness.run("tls", "postgres", "on"));

        assertThat(harness.vault.secret("postgresql")).isEqualTo(before);
        assertThat(restarter.restarted()).containsExactly("vault-agent", "postgres", "vault-agent", "postgres");
    }

    @Test
    void tlsToggleSurvivesAConcurrentWrite() {
        harness.bootstrapped();
        AtomicBoolean raced = new AtomicBoolean();
        harness.vault.beforeKvWrite(path -> {
            if (path.equals("postgresql") && raced.compareAndSet(false, true)) {
                Map<String, Object> other = new LinkedHashMap<>(harness.vault.secret("postgresql"));
                other.put("note", "written by someone else");
                harness.vault.writeSecretDirectly("postgresql", other);
            }
        });
        CliRun run = expectOk(harness.run("tls", "postgres", "off"));

        assertThat(run.out()).contains("changed meanwhile; merging again (1/5)");
        assertThat(harness.vault.secret("postgresql")).containsEntry("tls_enabled", false)
                .containsEntry("note", "written by someone else").containsKeys("password", "username", "database");
    }

    @Test
    void aServiceThatStaysUnhealthyFailsTheToggleWithExitFourAfterTheFlagIsStoredAndSaysHowToFinish() {
        harness.bootstrapped();
        harness.useRestarter(new RecordingRestarter("rabbitmq"));
        CliRun run = harness.run("tls", "rabbitmq", "off");
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.out()).contains("TLS is off in Vault; rabbitmq restarted but did not come back healthy.",
                "cause: rabbitmq did not come back: rabbitmq did not become healthy",
                "Restart again: colima-services tls rabbitmq apply");
        assertThat(harness.vault.secret("rabbitmq")).containsEntry("tls_enabled", false).containsKey("password");

        RecordingRestarter healthy = new RecordingRestarter();
        harness.useRestarter(healthy);
        CliRun again = expectOk(harness.run("tls", "rabbitmq", "apply"));
        assertThat(again.out()).contains("rabbitmq: TLS off", "Restarted vault-agent, rabbitmq: healthy.");
        assertThat(healthy.restarted()).containsExactly("vault-agent", "rabbitmq");
    }

    @Test
    void anAgentThatDoesNotComeBackLeavesTheServiceRunningWithTheOldSetting() {
        harness.bootstrapped();
        RecordingRestarter restarter = new RecordingRestarter("vault-agent");
        harness.useRestarter(restarter);
        CliRun run = harness.run("tls", "postgres", "off");
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.out()).contains("TLS is off in Vault; postgres still runs with TLS on.");
        assertThat(restarter.restarted()).containsExactly("vault-agent");
    }

    @Test
    void unsealKeyStdinOnAnUnsealedVaultAsksForNothing() {
        harness.bootstrapped();
        CliRun run = expectOk(harness.runWithStdin("", "vault", "unseal", "--key-stdin"));
        assertThat(run.out()).contains("is already unsealed");
    }

    @Test
    void withoutARestarterTlsSaysWhatToRestart() {
        harness.bootstrapped();
        CliRun run = expectOk(harness.run("tls", "mysql", "off"));
        assertThat(run.out()).contains("To apply it, restart them: docker compose restart vault-agent mysql");
    }

    @Test
    void expiringCertificateIsRenewedAndReportedByLevel() {
        expectOk(harness.run("vault", "init"));
        expectOk(harness.run("vault", "unseal"));
        harness.vault.leafLifetime(Duration.ofDays(5));
        expectOk(harness.run("vault", "bootstrap"));
        assertThat(expectOk(harness.run("tls", "postgres", "status")).out())
                .contains("critical: certificate of postgres expires in 4 days (critical).");

        harness.vault.leafLifetime(Duration.ofDays(20));
        ServiceRestarter none = (service, deadline) -> { };
        harness.useRestarter(none);
        CliRun on = expectOk(harness.run("tls", "postgres", "on"));
        assertThat(on.out()).contains("issued a new certificate for postgres",
                "warning: certificate of postgres expires in 19 days (renew soon).");
    }

    @Test
    void sealedMidSessionIsExitFiveWithTheUnsealHint() {
        harness.bootstrapped();
        harness.vault.seal();
        CliRun creds = harness.run("creds", "postgres");
        assertThat(creds.exitCode()).isEqualTo(5);
        assertThat(creds.err()).contains("is sealed (progress 0/3)").contains("vault unseal");
        CliRun tls = harness.run("tls", "postgres", "on");
        assertThat(tls.exitCode()).isEqualTo(5);
        expectOk(harness.run("vault", "unseal"));
        expectOk(harness.run("creds", "postgres"));
    }

    @Test
    void importMovesTheOriginalFilesIntoTheStoreAndDeletesThemOnRequest() throws IOException {
        String root = harness.vault.initializeDirectly(5, 3);
        List<String> keys = harness.vault.unsealKeys();
        Path original = Files.createDirectories(harness.home.resolve(".config/vault"));
        Map<String, Object> initResponse = new LinkedHashMap<>();
        initResponse.put("keys", keys);
        initResponse.put("keys_base64", List.of());
        initResponse.put("root_token", root);
        Files.writeString(original.resolve("keys.json"), JSON.writeValueAsString(initResponse));
        Files.writeString(original.resolve("root-token"), root + "\n");

        CliRun run = expectOk(harness.run("vault", "import", "--delete-files"));
        assertThat(run.out()).contains("Imported 5 unseal key shares and the root token into the file",
                "Deleted " + original.resolve("keys.json"), "Deleted " + original.resolve("root-token"));
        assertThat(original.resolve("keys.json")).doesNotExist();

        expectOk(harness.run("vault", "unseal"));
        expectOk(harness.run("vault", "bootstrap"));
    }

    @Test
    void importKeepsFilesWhenToldOrWhenNobodyCanBeAsked() throws IOException {
        harness.vault.initializeDirectly(3, 2);
        Path original = Files.createDirectories(harness.home.resolve(".config/vault"));
        Files.writeString(original.resolve("keys.json"), JSON.writeValueAsString(Map.of("keys",
                harness.vault.unsealKeys(), "root_token", "hvs.x")));
        CliRun run = expectOk(harness.run("vault", "import"));
        assertThat(run.out()).contains("Kept [" + original.resolve("keys.json") + "]");
        assertThat(original.resolve("keys.json")).exists();
    }

    @Test
    void exportSharesWritesANewPrivateFileOnly() throws IOException {
        expectOk(harness.run("vault", "init"));
        Path export = dir.resolve("backup/shares.txt");
        expectOk(harness.run("vault", "export-shares", export.toString()));
        assertThat(Files.getPosixFilePermissions(export)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(export)).contains(harness.vault.unsealKeys().get(4));
        assertThat(harness.run("vault", "export-shares", export.toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void aReInitKeepsTheOldShareSetWhichCanStillBeExported() throws IOException {
        expectOk(harness.run("vault", "init"));
        List<String> first = harness.vault.unsealKeys();
        Path original = Files.createDirectories(harness.home.resolve(".config/vault"));
        List<String> other = List.of("aa".repeat(33), "bb".repeat(33), "cc".repeat(33));
        Files.writeString(original.resolve("keys.json"), JSON.writeValueAsString(Map.of("keys", other,
                "root_token", "hvs.other")));
        expectOk(harness.run("vault", "import", "--keep-files"));

        JsonNode sets = JSON.readTree(expectOk(harness.run("vault", "share-sets", "--json")).out());
        assertThat(sets).hasSize(2);
        assertThat(sets.get(0).get("current").asBoolean()).isTrue();
        assertThat(sets.get(0).get("shares").asInt()).isEqualTo(3);
        assertThat(sets.get(1).get("current").asBoolean()).isFalse();
        assertThat(sets.get(1).get("shares").asInt()).isEqualTo(5);
        CliRun plain = expectOk(harness.run("vault", "share-sets"));
        assertThat(plain.out()).contains("(current)");
        for (String share : first) {
            assertThat(plain.out()).doesNotContain(share);
        }

        Path export = dir.resolve("old-shares.txt");
        expectOk(harness.run("vault", "export-shares", "--set", sets.get(1).get("fingerprint").asText(),
                export.toString()));
        assertThat(Files.readString(export)).contains(first.get(0), first.get(4),
                "set " + sets.get(1).get("fingerprint").asText());
        CliRun unknown = harness.run("vault", "export-shares", "--set", "0000000000000000",
                dir.resolve("x.txt").toString());
        assertThat(unknown.exitCode()).isEqualTo(5);
        assertThat(unknown.err()).contains("no unseal share set 0000000000000000");
    }

    @Test
    void exportSharesLeavesTheFolderItWritesIntoAsItWas() throws IOException {
        expectOk(harness.run("vault", "init"));
        Path desktop = Files.createDirectories(dir.resolve("Desktop"));
        Files.setPosixFilePermissions(desktop, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path export = desktop.resolve("shares.txt");
        expectOk(harness.run("vault", "export-shares", export.toString()));
        assertThat(Files.getPosixFilePermissions(desktop)).isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(Files.getPosixFilePermissions(export)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void vaultWithoutSubcommandIsUsageError() {
        CliRun run = harness.run("vault");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("bootstrap", "unseal");
    }
}
