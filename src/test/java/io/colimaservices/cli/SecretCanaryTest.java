package io.colimaservices.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.colimaservices.domain.PrivateFiles;
import io.colimaservices.testing.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.colimaservices.cli.VaultHarness.expectOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs every Vault flow (status, init, unseal with stored and typed shares, a wrong share, bootstrap twice, arm,
 * creds --copy, token --copy, TLS off/on/status/renew, the CA's status/trust/untrust/export in every format, import
 * with deletion) and then looks for every secret value it
 * knows (unseal shares in hex and base64, root and app tokens, every generated password, the certificates'
 * private keys, the keys renewing replaced) in: everything the CLI printed, everything written to System.out/err, every log event at any level,
 * and every file under the temp directory the app wrote to (home, XDG dirs, runtime), the app's log with the use
 * cases' trace lines among them.
 *
 * <p>The one documented exception is the fallback secret store ({@code secrets/secrets.json}): it must hold the
 * keys, so it is not searched; instead it must be mode 0600 in a 0700 directory. The clipboard stand-in file is
 * the clipboard, not an app file: it must be empty once the clearers have run. Printed credentials ({@code creds}
 * without {@code --copy}) are an explicit user request and are therefore not run here.
 */
class SecretCanaryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void noSecretEndsUpInOutputLogsOrFiles() throws Exception {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger rootLogger = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level rootLevel = rootLogger.getLevel();
        Logger appLogger = logging.getLogger("io.colimaservices");
        Level appLevel = appLogger.getLevel();
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.setContext(logging);
        logs.start();
        rootLogger.addAppender(logs);
        rootLogger.setLevel(Level.ALL);
        appLogger.setLevel(Level.ALL);
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream processOut = new ByteArrayOutputStream();
        System.setOut(new PrintStream(processOut, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(processOut, true, StandardCharsets.UTF_8));

        StringBuilder printed = new StringBuilder();
        Map<String, String> secrets = new LinkedHashMap<>();
        List<VaultHarness> harnesses = new ArrayList<>();
        try {
            VaultHarness fresh = new VaultHarness(Files.createDirectories(dir.resolve("fresh")));
            harnesses.add(fresh);
            runFreshInstall(fresh, printed, secrets);
            VaultHarness migrated = new VaultHarness(Files.createDirectories(dir.resolve("migrated")));
            harnesses.add(migrated);
            runImport(migrated, printed, secrets);
            assertThat(secrets.keySet()).as("the backup key is among the secrets searched")
                .anyMatch(name -> name.endsWith("store backup.key"));
        for (VaultHarness h : harnesses) {
                await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(h.clipboardFile)
                        || Files.readString(h.clipboardFile).isEmpty());
            }
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
            rootLogger.detachAppender(logs);
            rootLogger.setLevel(rootLevel);
            appLogger.setLevel(appLevel);
            harnesses.forEach(VaultHarness::close);
        }

        assertThat(secrets).hasSizeGreaterThan(20);
        // Every change left its trace line in the app's log (searched below with every other file).
        assertThat(Files.readString(harnesses.get(0).logFile())).contains("[cli] vault init: initialized",
                "[cli] vault unseal (a typed share): FAILED ", "[cli] vault unseal: unsealed",
                "[cli] vault bootstrap: ", "[cli] vault arm: vault-agent armed for", "[cli] tls postgres off: ",
                "[cli] tls postgres on: ", "[cli] tls mysql renew: new certificate", "[cli] ca trust: ",
                "[cli] ca export ", "[cli] ca untrust: ");
        assertThat(Files.readString(harnesses.get(1).logFile())).contains("[cli] vault import ",
                "[cli] vault import: delete the original files: deleted", "[cli] tls mysql off: ");
        List<String> hits = new ArrayList<>();
        search("CLI output", printed.toString(), secrets, hits);
        search("System.out/err", processOut.toString(StandardCharsets.UTF_8), secrets, hits);
        StringBuilder logText = new StringBuilder();
        logs.list.forEach(e -> {
            logText.append(e.getFormattedMessage()).append('\n');
            if (e.getThrowableProxy() != null) {
                logText.append(e.getThrowableProxy().getMessage()).append('\n');
            }
        });
        search("log events", logText.toString(), secrets, hits);
        int files = 0;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                if (file.endsWith(Path.of("secrets", "secrets.json"))) {
                    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PrivateFiles.OWNER_FILE);
                    assertThat(Files.getPosixFilePermissions(file.getParent())).isEqualTo(PrivateFiles.OWNER_DIR);
                    // Control: the search does find secrets where they are meant to be.
                    List<String> expected = new ArrayList<>();
                    search("store", Files.readString(file), secrets, expected);
                    assertThat(expected).isNotEmpty();
                    continue;
                }
                files++;
                search(dir.relativize(file).toString(), Files.readString(file, StandardCharsets.ISO_8859_1), secrets,
                        hits);
            }
        }
        assertThat(files).as("files searched").isGreaterThan(20);
        assertThat(hits).as("places where a secret was found (names only)").isEmpty();
    }

    private void runFreshInstall(VaultHarness h, StringBuilder printed, Map<String, String> secrets)
            throws IOException {
        h.useRestarter((service, deadline) -> { });
        record(printed, h.run("vault", "status"));
        record(printed, expectOk(h.run("vault", "init")));
        List<String> keys = h.vault.unsealKeys();
        for (int i = 0; i < keys.size(); i++) {
            secrets.put("fresh share " + (i + 1) + " (hex)", keys.get(i));
            secrets.put("fresh share " + (i + 1) + " (base64)",
                    Base64.getEncoder().encodeToString(HexFormat.of().parseHex(keys.get(i))));
        }
        record(printed, h.runWithStdin(keys.get(0) + "\n", "vault", "unseal", "--key-stdin"));
        String wrongShare = "0123456789abcdef".repeat(4) + "ab";
        secrets.put("a wrong share typed by the user", wrongShare);
        record(printed, h.runWithStdin(wrongShare + "\n", "vault", "unseal", "--key-stdin"));
        record(printed, h.runWithStdin(keys.get(1) + "\n", "vault", "unseal", "--key-stdin"));
        record(printed, expectOk(h.run("vault", "unseal")));
        record(printed, h.run("vault", "status", "--json"));
        record(printed, expectOk(h.run("vault", "bootstrap")));
        record(printed, expectOk(h.run("vault", "bootstrap")));
        record(printed, expectOk(h.run("vault", "arm")));
        // The setup checklist reads Vault, the secret store and the CA: its words carry no value.
        record(printed, expectOk(h.run("setup", "status")));
        record(printed, expectOk(h.run("setup", "status", "--json")));
        for (String service : List.of("postgres", "mysql", "mongodb", "redis-1", "rabbitmq", "forgejo")) {
            record(printed, expectOk(h.run("creds", service, "--copy", "--clear-after", "1")));
        }
        record(printed, expectOk(h.run("creds", "forgejo", "--format", "env", "--copy", "--clear-after", "1")));
        record(printed, expectOk(h.run("creds", "postgres", "--format", "json", "--copy", "--clear-after", "1")));
        record(printed, expectOk(h.run("tls", "postgres", "off")));
        record(printed, expectOk(h.run("tls", "postgres", "on")));
        record(printed, expectOk(h.run("tls", "redis-1", "status")));
        String renewedKey = (String) h.vault.secret("certs/mysql").get("private_key");
        secrets.put("fresh private key of mysql before renewing", renewedKey.lines().toList()
                .get(renewedKey.lines().toList().size() / 2));
        record(printed, expectOk(h.run("tls", "mysql", "renew")));
        runCa(h, printed);
        record(printed, expectOk(h.run("vault", "token", "--copy", "--clear-after", "1")));
        record(printed, expectOk(h.run("vault", "token", "--copy", "--root", "--clear-after", "1")));
        record(printed, expectOk(h.run("vault", "share-sets")));
        record(printed, expectOk(h.run("vault", "share-sets", "--json")));
        // The backup key: made on first use, exported (an explicit copy, outside the searched folder) and imported
        // into the other home below; never printed or logged.
        record(printed, expectOk(h.run("backup", "key", "export", exportedKey().toString())));
        h.vault.seal();
        record(printed, h.run("creds", "postgres", "--copy"));
        collectStoreAndVaultSecrets(h, "fresh", secrets);
    }

    /** The CA flows: with a real NSS database under the harness's HOME, and every export format. */
    private void runCa(VaultHarness h, StringBuilder printed) throws IOException {
        Path nss = Files.createDirectories(h.home.resolve(".pki/nssdb"));
        Processes.run(null, 60, "certutil", "-d", "sql:" + nss, "-N", "--empty-password").orFail("certutil -N");
        record(printed, expectOk(h.run("ca", "status")));
        record(printed, expectOk(h.run("ca", "status", "--json")));
        record(printed, expectOk(h.run("ca", "trust")));
        Path exports = Files.createDirectories(h.home.resolve("exports"));
        record(printed, expectOk(h.run("ca", "export", exports.resolve("ca.pem").toString())));
        record(printed, expectOk(h.run("ca", "export", exports.resolve("ca.p12").toString(), "--format", "pkcs12")));
        record(printed, expectOk(h.run("ca", "export", exports.resolve("ca.jks").toString(), "--format", "jks")));
        record(printed, expectOk(h.run("ca", "untrust")));
    }

    private void runImport(VaultHarness h, StringBuilder printed, Map<String, String> secrets) throws IOException {
        String root = h.vault.initializeDirectly(5, 3);
        List<String> keys = h.vault.unsealKeys();
        Path original = Files.createDirectories(h.home.resolve(".config/vault"));
        List<String> base64 = keys.stream()
                .map(k -> Base64.getEncoder().encodeToString(HexFormat.of().parseHex(k))).toList();
        Files.writeString(original.resolve("keys.json"), JSON.writeValueAsString(Map.of("keys", keys,
                "keys_base64", base64, "root_token", root, "unseal_keys_hex", keys)));
        Files.writeString(original.resolve("root-token"), root);
        record(printed, expectOk(h.run("vault", "import", "--delete-files")));
        record(printed, expectOk(h.run("backup", "key", "import", exportedKey().toString())));
        record(printed, expectOk(h.run("vault", "share-sets")));
        record(printed, expectOk(h.run("vault", "unseal")));
        record(printed, expectOk(h.run("vault", "bootstrap")));
        record(printed, expectOk(h.run("tls", "mysql", "off")));
        for (int i = 0; i < keys.size(); i++) {
            secrets.put("migrated share " + (i + 1) + " (hex)", keys.get(i));
            secrets.put("migrated share " + (i + 1) + " (base64)", base64.get(i));
        }
        collectStoreAndVaultSecrets(h, "migrated", secrets);
    }

    /** Where the backup key is exported to: outside the folder whose files are searched. */
    private Path exportedKey() throws IOException {
        if (keyExport == null) {
            keyExport = Files.createTempDirectory("cs-canary-key").resolve("backup.key");
        }
        return keyExport;
    }

    private Path keyExport;

    private static void collectStoreAndVaultSecrets(VaultHarness h, String label, Map<String, String> secrets)
            throws IOException {
        Map<?, ?> store = JSON.readValue(h.secretsFile().toFile(), Map.class);
        store.forEach((name, value) -> secrets.put(label + " store " + name, (String) value));
        for (String path : List.of("postgresql", "mysql", "mongodb", "redis-1", "rabbitmq", "grafana", "forgejo")) {
            Map<String, Object> secret = h.vault.secret(path);
            for (String field : List.of("password", "root_password", "admin_password")) {
                if (secret.get(field) instanceof String value) {
                    secrets.put(label + " " + path + "." + field, value);
                }
            }
        }
        for (String service : List.of("postgres", "mysql", "redis-1")) {
            String key = (String) h.vault.secret("certs/" + service).get("private_key");
            // A line from the middle of the PEM body: unique to this key.
            List<String> lines = key.lines().toList();
            secrets.put(label + " private key of " + service, lines.get(lines.size() / 2));
        }
    }

    private static void record(StringBuilder printed, CliRun run) {
        printed.append(run.out()).append('\n').append(run.err()).append('\n');
    }

    private static void search(String where, String text, Map<String, String> secrets, List<String> hits) {
        secrets.forEach((name, value) -> {
            if (value != null && value.length() >= 8 && text.contains(value)) {
                hits.add(name + " in " + where);
            }
        });
    }
}
