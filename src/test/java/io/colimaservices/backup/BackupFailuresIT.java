package io.colimaservices.backup;

import io.colimaservices.testing.BackupStandIns;
import io.colimaservices.testing.CliProcess;
import io.colimaservices.testing.ComposeProject;
import io.colimaservices.testing.Processes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.colimaservices.backup.BackupIT.cli;
import static io.colimaservices.backup.BackupIT.ok;
import static io.colimaservices.backup.BackupIT.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What must leave nothing that looks complete: a backup interrupted (the CLI sent SIGTERM mid-stream), a full disk
 * (a 1 MiB tmpfs as {@code --to}); and {@code reset}, which refuses a wrong name and otherwise removes the
 * service's container and volume.
 */
class BackupFailuresIT {
    private static ComposeProject project;

    @TempDir
    Path dir;

    @BeforeAll
    static void up() {
        BackupStandIns.ensureImage();
        project = ComposeProject.create("services:\n"
                + BackupStandIns.dumpService("db", "dbdata", "/data")
                + BackupStandIns.service("endless", "endlessdata", "/data",
                "io.colima-services.backup: \"cat /dev/urandom\"",
                "io.colima-services.restore: \"cat >/dev/null\"")
                + BackupStandIns.volumeService("files", "filesdata", "/srv/files")
                + "volumes:\n  dbdata:\n  endlessdata:\n  filesdata:\n");
        project.up("db", "endless", "files");
    }

    @AfterAll
    static void down() {
        if (project != null) {
            project.close();
        }
    }

    /** Every entry under {@code root}, relative, for messages. */
    private static List<String> entries(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString()).toList();
        }
    }

    @Test
    void anInterruptedBackupLeavesNothingThatLooksCompleteAndKillsItsCommand() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path backups = dir.resolve("backups");
        List<String> command = new ArrayList<>(CliProcess.command(List.of("--compose-file", project.file().toString(),
                "--project-name", project.name(), "--docker-host", "unix:///var/run/docker.sock", "backup",
                "endless", "--to", backups.toString())));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("cli.log").toFile());
        builder.environment().clear();
        builder.environment().putAll(CliProcess.environment(home));
        Process cli = builder.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> partialBytes(backups) > 2_000_000);
            cli.destroy();
            assertThat(cli.waitFor(30, TimeUnit.SECONDS)).as("the CLI ends after SIGTERM").isTrue();
        } finally {
            cli.destroyForcibly();
        }
        assertThat(entries(backups)).as("left in %s", backups).allMatch(e -> e.contains(".partial"));
        assertThat(entries(backups)).noneMatch(e -> e.endsWith("manifest.json"));
        CliProcess.Result listed = ok(cli(project, home, "backups", "--from", backups.toString(), "--json"));
        assertThat(listed.out().strip()).isEqualTo("[ ]");
        // The dump's command was killed in the container, not left streaming into nothing.
        await().atMost(Duration.ofSeconds(20)).until(() -> !Processes.run(null, 30, "docker", "top",
                project.containerId("endless")).output().contains("/dev/urandom"));
    }

    private static long partialBytes(Path backups) throws IOException {
        if (!Files.exists(backups)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(backups)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".partial"))
                    .mapToLong(p -> p.toFile().length()).sum();
        }
    }

    @Test
    void aFullDiskFailsTheBackupNamingTheFileAndLeavesNothingThatLooksComplete() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path small = Files.createDirectories(dir.resolve("small"));
        Processes.Result mount = Processes.run(null, 30, "mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs",
                small.toString());
        if (mount.exitCode() != 0) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("cannot mount a tmpfs (CI runs as root): " + mount.output());
            }
            Assumptions.abort("cannot mount a tmpfs here (not root?): " + mount.output());
        }
        try {
            sh(project, "db", "rm -rf /data/* && head -c 4000000 /dev/urandom > /data/blob && echo m > /data/marker");
            CliProcess.Result full = cli(project, home, "backup", "db", "--no-encrypt", "--to", small.toString());
            assertThat(full.exitCode()).as(full.out() + full.stderr()).isEqualTo(7);
            assertThat(full.stderr()).contains("backup of db failed", "db.dump.zst", "No space left on device");
            assertThat(entries(small)).as("left on the full disk").isEmpty();
            // The service is untouched and a backup elsewhere still works.
            ok(cli(project, home, "backup", "db", "--to", dir.resolve("elsewhere").toString()));
        } finally {
            Processes.run(null, 30, "umount", small.toString());
        }
    }

    @Test
    void aVolumeBackupThatFailsStillStartsTheServiceAgain() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path small = Files.createDirectories(dir.resolve("small2"));
        Processes.Result mount = Processes.run(null, 30, "mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs",
                small.toString());
        Assumptions.assumeTrue(mount.exitCode() == 0 || "true".equalsIgnoreCase(System.getenv("CI")),
                "cannot mount a tmpfs here");
        assertThat(mount.exitCode()).as(mount.output()).isZero();
        try {
            sh(project, "files", "head -c 2000000 /dev/urandom > /srv/files/blob");
            CliProcess.Result full = cli(project, home, "backup", "files", "--no-encrypt", "--to", small.toString());
            assertThat(full.exitCode()).isEqualTo(7);
            assertThat(full.stderr()).contains("files.tar.zst");
            assertThat(Processes.run(null, 30, "docker", "inspect", "-f", "{{.State.Running}}",
                    project.containerId("files")).output().strip()).isEqualTo("true");
            assertThat(BackupIT.throwaways()).isEmpty();
        } finally {
            Processes.run(null, 30, "umount", small.toString());
        }
    }

    @Test
    void resetRefusesAWrongNameAndOtherwiseRemovesTheContainerAndItsVolume() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        ComposeProject own = ComposeProject.create("services:\n"
                + BackupStandIns.dumpService("db", "dbdata", "/data") + "volumes:\n  dbdata:\n");
        try {
            own.up("db");
            String container = own.containerId("db");
            CliProcess.Result wrong = cli(own, home, "reset", "db", "--confirm", "dbx", "--no-backup");
            assertThat(wrong.exitCode()).isEqualTo(2);
            assertThat(wrong.stderr()).contains("does not match", "nothing was removed");
            CliProcess.Result noChoice = cli(own, home, "reset", "db", "--confirm", "db");
            assertThat(noChoice.exitCode()).isEqualTo(2);
            assertThat(noChoice.stderr()).contains("--backup or --no-backup");
            assertThat(Processes.run(null, 30, "docker", "inspect", container).exitCode()).isZero();

            CliProcess.Result reset = ok(cli(own, home, "reset", "db", "--confirm", "db", "--backup"));
            assertThat(reset.out()).contains("Backup ", "removed volume " + own.name() + "_dbdata");
            assertThat(Processes.run(null, 30, "docker", "inspect", container).exitCode()).isNotZero();
            assertThat(Processes.run(null, 30, "docker", "volume", "inspect", own.name() + "_dbdata").exitCode())
                    .isNotZero();

            own.up("db");
            CliProcess.Result wrongProject = cli(own, home, "reset", "--all", "--confirm", "colima-services",
                    "--no-backup");
            assertThat(wrongProject.exitCode()).isEqualTo(2);
            // With --backup and no service named, the backup takes every running service that declares one.
            CliProcess.Result all = ok(cli(own, home, "reset", "--all", "--confirm", own.name(), "--backup"));
            assertThat(all.out()).contains("db: dump", "Backup ", "Unseal-share sets and backup keys are kept");
            assertThat(Processes.run(null, 30, "docker", "ps", "-aq", "--filter", "label=com.docker.compose.project="
                    + own.name()).output().strip()).isEmpty();
        } finally {
            own.close();
        }
    }
}
