package io.colimaservices.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.colimaservices.testing.BackupStandIns;
import io.colimaservices.testing.CliProcess;
import io.colimaservices.testing.ComposeProject;
import io.colimaservices.testing.Processes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backups on the real engine with stand-in services, through the packaged CLI as a user runs it: a dump service
 * ({@code tar} of its data folder to stdout and back) and a volume service (its volume archived by a helper while it
 * is stopped). Round trip byte-identical in both modes; a flipped byte found by {@code verify} (exit 7 naming the
 * file); deep verify passing, and failing when the restore command fails; key export and import, then a restore in
 * a fresh home; the secret key never printed nor in a manifest. (Interruption, a full disk and reset are in
 * {@link BackupFailuresIT}.)
 */
class BackupIT {
    static final ObjectMapper JSON = new ObjectMapper();
    private static ComposeProject project;

    @TempDir
    Path dir;

    @BeforeAll
    static void up() {
        BackupStandIns.ensureImage();
        project = ComposeProject.create("services:\n"
                + BackupStandIns.dumpService("db", "dbdata", "/data")
                + BackupStandIns.volumeService("files", "filesdata", "/srv/files")
                + BackupStandIns.service("bad", "baddata", "/data",
                "io.colima-services.backup: \"tar -C /data -cf - .\"",
                "io.colima-services.restore: \"cat >/dev/null; echo cannot load this dump >&2; exit 3\"")
                + BackupStandIns.service("app", "appdata", "/app")
                + "    depends_on:\n      db:\n        condition: service_healthy\n"
                + "volumes:\n  dbdata:\n  filesdata:\n  baddata:\n  appdata:\n");
        project.up("db", "files", "bad", "app");
    }

    @AfterAll
    static void down() {
        if (project != null) {
            project.close();
        }
    }

    static CliProcess.Result cli(ComposeProject project, Path home, String... args) {
        List<String> all = new ArrayList<>(List.of("--compose-file", project.file().toString(), "--project-name",
                project.name(), "--docker-host", "unix:///var/run/docker.sock"));
        all.addAll(List.of(args));
        return CliProcess.runIn(home, all, null, 300);
    }

    static CliProcess.Result ok(CliProcess.Result run) {
        assertThat(run.exitCode()).as("exit code; stdout:\n%s\nstderr:\n%s", run.out(), run.stderr()).isZero();
        return run;
    }

    static void sh(ComposeProject project, String service, String script) {
        Processes.run(null, 60, "docker", "exec", project.containerId(service), "sh", "-c", script)
                .orFail("in " + service + ": " + script);
    }

    /** Every path under {@code path} with its type, mode and owner, and every file's SHA-256. */
    static String fingerprint(ComposeProject project, String service, String path) {
        return Processes.run(null, 60, "docker", "exec", project.containerId(service), "sh", "-c",
                "cd " + path + " && find . | sort | while read -r f; do stat -c '%A %u:%g %n' \"$f\"; done"
                        + " && find . -type f | sort | xargs sha256sum").orFail("fingerprint").output();
    }

    static void fill(ComposeProject project, String service, String path, int randomBytes) {
        sh(project, service, "cd " + path + " && rm -rf ./* ./.[!.]* && head -c " + randomBytes
                + " /dev/urandom > blob && echo marker > marker && mkdir -p sub/deep && echo hidden > sub/deep/.hidden"
                + " && ln -s marker link && chmod 640 blob && chown 1234:5678 sub/deep/.hidden");
    }

    static String backupId(CliProcess.Result run) throws IOException {
        return JSON.readTree(run.out()).get("id").asText();
    }

    @Test
    void aBackupOfBothModesRestoresByteIdenticalAndVerifiesDeeply() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path backups = dir.resolve("backups");
        fill(project, "db", "/data", 3_000_000);
        fill(project, "files", "/srv/files", 2_000_000);
        String dbBefore = fingerprint(project, "db", "/data");
        String filesBefore = fingerprint(project, "files", "/srv/files");

        CliProcess.Result backup = ok(cli(project, home, "backup", "db", "files", "--to", backups.toString(), "--json"));
        JsonNode made = JSON.readTree(backup.out());
        String id = made.get("id").asText();
        assertThat(made.get("services")).extracting(JsonNode::asText).containsExactly("db", "files");
        Path folder = Path.of(made.get("path").asText());
        assertThat(folder).isEqualTo(backups.resolve(id));
        assertThat(folder.resolve("db.dump.zst.gpg")).isRegularFile();
        assertThat(folder.resolve("files.tar.zst.gpg")).isRegularFile();
        try (Stream<Path> files = Files.walk(backups)) {
            assertThat(files.map(Path::toString)).noneMatch(p -> p.endsWith(".partial"));
        }
        // The volume service was stopped for its archive and runs again.
        assertThat(Processes.run(null, 30, "docker", "inspect", "-f", "{{.State.Running}}",
                project.containerId("files")).output().strip()).isEqualTo("true");

        JsonNode manifest = JSON.readTree(folder.resolve("manifest.json").toFile());
        assertThat(manifest.get("project").asText()).isEqualTo(project.name());
        assertThat(manifest.get("compression").asText()).isEqualTo("zstd");
        assertThat(manifest.get("encryption").get("scheme").asText()).isEqualTo("openpgp-aes256-seipd");
        JsonNode db = manifest.get("services").get(0);
        assertThat(db.get("mode").asText()).isEqualTo("dump");
        assertThat(db.get("sha256").asText()).hasSize(64);
        assertThat(db.get("definitionHash").asText()).isNotBlank();
        assertThat(db.get("image").asText()).isEqualTo(BackupStandIns.IMAGE);
        assertThat(db.get("streamBytes").asLong()).isGreaterThan(3_000_000);
        assertThat(manifest.get("services").get(1).get("mode").asText()).isEqualTo("volumes");

        JsonNode listed = JSON.readTree(ok(cli(project, home, "backups", "--from", backups.toString(), "--json")).out());
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("id").asText()).isEqualTo(id);
        assertThat(listed.get(0).get("encrypted").asBoolean()).isTrue();
        assertThat(listed.get(0).get("lastDeepVerify").isNull()).isTrue();
        ok(cli(project, home, "verify", id, "--from", backups.toString()));

        CliProcess.Result deep = ok(cli(project, home, "verify", id, "--deep", "--from", backups.toString(), "--json"));
        JsonNode verified = JSON.readTree(deep.out());
        assertThat(verified.get("passed").asBoolean()).isTrue();
        assertThat(verified.get("services").get(0).get("message").asText()).contains("its check passed");
        assertThat(verified.get("services").get(1).get("message").asText()).contains("its check passed");
        assertThat(JSON.readTree(folder.resolve("manifest.json").toFile()).get("deepVerifies").get(0)
                .get("passed").asBoolean()).isTrue();
        assertThat(throwaways()).as("throwaway containers and volumes left").isEmpty();

        sh(project, "db", "rm -rf /data/* /data/.[!.]*");
        sh(project, "files", "rm -rf /srv/files/*");
        CliProcess.Result restore = ok(cli(project, home, "restore", id, "--yes", "--from", backups.toString()));
        assertThat(restore.out()).contains("restored db", "restored files");
        assertThat(fingerprint(project, "db", "/data")).isEqualTo(dbBefore);
        assertThat(fingerprint(project, "files", "/srv/files")).isEqualTo(filesBefore);

        // The key is in the secret store only: never printed, never in a manifest or a backup file.
        String key = secretKey(home);
        for (CliProcess.Result run : List.of(backup, deep, restore)) {
            assertThat(run.out() + run.stderr()).doesNotContain(key);
        }
        try (Stream<Path> files = Files.walk(backups)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
                        .doesNotContain(key);
            }
        }
        // Each action left its trace line in the app's log (BackupUseCase), and the log holds no key.
        String log = Files.readString(appLog(home));
        assertThat(log).contains("[cli] backup db files: " + id + " in " + folder + ": 2 services",
                "[cli] verify " + id + ": " + id + ": 2 services passed",
                "[cli] verify --deep " + id + ": " + id + ": 2 services passed",
                "[cli] restore " + id + ": 2 services passed").doesNotContain(key);
    }

    /** The app's log under a CLI run's HOME (XDG_STATE_HOME), where the use cases' trace lines go. */
    static Path appLog(Path home) {
        return home.resolve(".local/state/colima-services/logs/colima-services.log");
    }

    /** The backup key as the file secret store holds it (the CLI's HOME has no Secret Service). */
    static String secretKey(Path home) throws IOException {
        Path store = home.resolve(".config/colima-services/secrets/secrets.json");
        Map<?, ?> secrets = JSON.readValue(store.toFile(), Map.class);
        String key = (String) secrets.get("backup.key");
        assertThat(key).as("backup key in " + store).isNotBlank();
        return key;
    }

    static List<String> throwaways() {
        List<String> left = new ArrayList<>();
        for (String kind : List.of("ps", "volume ls")) {
            List<String> command = new ArrayList<>(List.of("docker"));
            command.addAll(List.of(kind.split(" ")));
            command.addAll(List.of("-q", "--filter", "label=io.colima-services.throwaway"));
            if (kind.equals("ps")) {
                command.add("-a");
            }
            String out = Processes.run(null, 30, command.toArray(String[]::new)).output().strip();
            if (!out.isEmpty()) {
                left.addAll(out.lines().toList());
            }
        }
        return left;
    }

    @Test
    void aRestoreStopsTheServicesThatDependOnItAndStartsThemAgain() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path backups = dir.resolve("backups");
        fill(project, "db", "/data", 100_000);
        String id = backupId(ok(cli(project, home, "backup", "db", "--to", backups.toString(), "--json")));
        String appStarted = startedAt("app");
        CliProcess.Result restore = ok(cli(project, home, "restore", id, "db", "--yes", "--from", backups.toString()));
        String out = restore.out();
        assertThat(out).contains("stopping app", "restored db", "Started again: app");
        assertThat(out.indexOf("stopping app")).isLessThan(out.indexOf("db: dump from"));
        assertThat(out.indexOf("db: dump from")).isLessThan(out.indexOf("starting again app"));
        assertThat(Processes.run(null, 30, "docker", "inspect", "-f", "{{.State.Running}}",
                project.containerId("app")).output().strip()).isEqualTo("true");
        assertThat(startedAt("app")).isNotEqualTo(appStarted);
        CliProcess.Result unknown = cli(project, home, "restore", id, "files", "--yes", "--from", backups.toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("holds no files");
        CliProcess.Result noTerminal = cli(project, home, "restore", id, "--from", backups.toString());
        assertThat(noTerminal.exitCode()).isEqualTo(2);
        assertThat(noTerminal.stderr()).contains("--yes");
    }

    private static String startedAt(String service) {
        return Processes.run(null, 30, "docker", "inspect", "-f", "{{.State.StartedAt}}", project.containerId(service))
                .orFail("inspect").output().strip();
    }

    @Test
    void aFlippedByteIsFoundByVerifyWhichNamesTheFileAndRestoreRefusesIt() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path backups = dir.resolve("backups");
        fill(project, "db", "/data", 500_000);
        String id = backupId(ok(cli(project, home, "backup", "db", "--to", backups.toString(), "--json")));
        Path file = backups.resolve(id).resolve("db.dump.zst.gpg");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            long middle = raf.length() / 2;
            raf.seek(middle);
            int b = raf.read();
            raf.seek(middle);
            raf.write(b ^ 0x01);
        }
        CliProcess.Result verify = cli(project, home, "verify", id, "--from", backups.toString());
        assertThat(verify.exitCode()).isEqualTo(7);
        assertThat(verify.stderr()).contains("db", file.toString(), "damaged");
        assertThat(verify.out()).contains("FAILED db");

        CliProcess.Result deep = cli(project, home, "verify", id, "--deep", "--from", backups.toString());
        assertThat(deep.exitCode()).isEqualTo(7);
        assertThat(deep.stderr()).contains(file.toString());

        String before = fingerprint(project, "db", "/data");
        CliProcess.Result restore = cli(project, home, "restore", id, "--yes", "--from", backups.toString());
        assertThat(restore.exitCode()).isEqualTo(7);
        assertThat(restore.stderr()).contains("refused", file.toString());
        assertThat(fingerprint(project, "db", "/data")).isEqualTo(before);
    }

    @Test
    void aDeepVerifyFailsWhenTheRestoreCommandFails() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path backups = dir.resolve("backups");
        sh(project, "bad", "echo data > /data/marker");
        String id = backupId(ok(cli(project, home, "backup", "bad", "--to", backups.toString(), "--json")));
        CliProcess.Result deep = cli(project, home, "verify", id, "--deep", "--from", backups.toString());
        assertThat(deep.exitCode()).as(deep.out() + deep.stderr()).isEqualTo(7);
        assertThat(deep.stderr()).contains("bad", "bad.dump.zst.gpg", "exited with 3", "cannot load this dump");
        JsonNode listed = JSON.readTree(ok(cli(project, home, "backups", "--from", backups.toString(), "--json")).out());
        assertThat(listed.get(0).get("lastDeepVerify").get("passed").asBoolean()).isFalse();
        assertThat(throwaways()).isEmpty();
    }

    @Test
    void theKeyExportedAndImportedInAFreshHomeRestoresTheBackup() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path backups = dir.resolve("backups");
        fill(project, "db", "/data", 200_000);
        String before = fingerprint(project, "db", "/data");
        String id = backupId(ok(cli(project, home, "backup", "db", "--to", backups.toString(), "--json")));
        Path desktop = Files.createDirectories(dir.resolve("Desktop"));
        Files.setPosixFilePermissions(desktop, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Path keyFile = desktop.resolve("backup.key");
        CliProcess.Result export = ok(cli(project, home, "backup", "key", "export", keyFile.toString()));
        assertThat(Files.getPosixFilePermissions(keyFile))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(desktop))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        String key = secretKey(home);
        assertThat(Files.readString(keyFile).lines().findFirst()).contains(key);
        assertThat(export.out() + export.stderr()).doesNotContain(key);

        sh(project, "db", "rm -rf /data/*");
        Path fresh = Files.createDirectories(dir.resolve("fresh-home"));
        CliProcess.Result refused = cli(project, fresh, "restore", id, "--yes", "--from", backups.toString());
        assertThat(refused.exitCode()).isEqualTo(7);
        assertThat(refused.stderr()).contains("encrypted with key", "backup key import");
        CliProcess.Result imported = ok(cli(project, fresh, "backup", "key", "import", keyFile.toString()));
        assertThat(imported.out()).contains("new backups use it").doesNotContain(key);
        ok(cli(project, fresh, "restore", id, "--yes", "--from", backups.toString()));
        assertThat(fingerprint(project, "db", "/data")).isEqualTo(before);
        assertThat(Files.readString(appLog(home))).contains("[cli] backup key export " + keyFile + ": key ")
                .doesNotContain(key);
        assertThat(Files.readString(appLog(fresh))).contains("[cli] backup key import " + keyFile + ": key ",
                "[cli] restore " + id + ": FAILED ", "[cli] restore " + id + ": 1 services passed").doesNotContain(key);
    }

    @Test
    void aPlainBackupDecryptsWithNothingAndAnEncryptedOneWithGpgAndTheExportedKey() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path backups = dir.resolve("backups");
        fill(project, "db", "/data", 100_000);
        String plain = backupId(ok(cli(project, home, "backup", "db", "--no-encrypt", "--to", backups.toString(),
                "--json")));
        assertThat(backups.resolve(plain).resolve("db.dump.zst")).isRegularFile();
        assertThat(JSON.readTree(backups.resolve(plain).resolve("manifest.json").toFile()).get("encryption").isNull())
                .isTrue();
        String encrypted = backupId(ok(cli(project, home, "backup", "db", "--to", backups.toString(), "--json")));
        Path keyFile = dir.resolve("key.txt");
        ok(cli(project, home, "backup", "key", "export", keyFile.toString()));
        Path listing = dir.resolve("listing.txt");
        Processes.run(null, 60, "sh", "-c", "gpg --homedir '" + Files.createDirectories(dir.resolve("gnupg"))
                + "' --batch --pinentry-mode loopback --passphrase-file '" + keyFile + "' -d '"
                + backups.resolve(encrypted).resolve("db.dump.zst.gpg") + "' | zstd -d | tar -t > '" + listing + "'")
                .orFail("gpg | zstd | tar");
        assertThat(Files.readString(listing)).contains("./marker", "./blob");
        Processes.run(null, 60, "sh", "-c", "zstd -d < '" + backups.resolve(plain).resolve("db.dump.zst")
                + "' | tar -t | grep -q marker").orFail("zstd | tar");
    }
}
