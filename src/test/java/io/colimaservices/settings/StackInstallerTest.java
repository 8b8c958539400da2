package io.colimaservices.settings;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped stack copied into the user's directory: fresh, updated, edited, removed, and run again. */
class StackInstallerTest {
    @TempDir
    Path temp;
    private Path shipped;
    private Path user;

    @BeforeEach
    void shipVersionOne() throws IOException {
        shipped = temp.resolve("app/stack");
        user = temp.resolve("support/stack");
        write(shipped, "compose/docker-compose.yml", "services: {v: 1}\n");
        write(shipped, "configs/redis/redis.conf", "port 6379\n");
        write(shipped, "configs/postgres/entrypoint.sh", "#!/bin/sh\nexec postgres\n");
        Files.setPosixFilePermissions(shipped.resolve("configs/postgres/entrypoint.sh"),
                PosixFilePermissions.fromString("r-xr-xr-x"));
    }

    @Test
    void aFreshInstallCopiesEveryFileAndRecordsItsHash() throws IOException {
        StackInstaller.Report report = installer().install();

        assertThat(report.installed()).containsExactly("compose/docker-compose.yml",
                "configs/postgres/entrypoint.sh", "configs/redis/redis.conf");
        assertThat(report.updated()).isEmpty();
        assertThat(report.kept()).isEmpty();
        assertThat(tree(user)).isEqualTo(tree(shipped));
        // The user's copy is theirs to edit; the executable bit travels.
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                user.resolve("configs/postgres/entrypoint.sh")))).isEqualTo("rwxr-xr-x");
        assertThat(Files.readAllLines(user.resolve(StackInstaller.MANIFEST)))
                .hasSize(3)
                .allMatch(line -> line.matches("[0-9a-f]{64}  \\S+"))
                .anyMatch(line -> line.endsWith("  configs/redis/redis.conf"));
    }

    @Test
    void aFileTheUserDidNotChangeIsUpdatedToTheNewShippedVersion() throws IOException {
        installer().install();
        write(shipped, "configs/redis/redis.conf", "port 6379\nmaxmemory 256mb\n");

        StackInstaller.Report report = installer().install();

        assertThat(report.updated()).containsExactly("configs/redis/redis.conf");
        assertThat(report.installed()).isEmpty();
        assertThat(read(user, "configs/redis/redis.conf")).isEqualTo("port 6379\nmaxmemory 256mb\n");
        assertThat(user.resolve("configs/redis/redis.conf.new")).doesNotExist();
    }

    @Test
    void anEditedFileIsKeptAndTheShippedVersionGoesBesideItAsNew() throws IOException {
        installer().install();
        write(user, "configs/redis/redis.conf", "port 6379\n# mine\n");
        write(shipped, "configs/redis/redis.conf", "port 6379\nmaxmemory 256mb\n");

        StackInstaller.Report report = installer().install();

        assertThat(report.kept()).containsExactly("configs/redis/redis.conf");
        assertThat(report.newVersions()).containsExactly("configs/redis/redis.conf.new");
        assertThat(report.updated()).isEmpty();
        assertThat(read(user, "configs/redis/redis.conf")).isEqualTo("port 6379\n# mine\n");
        assertThat(read(user, "configs/redis/redis.conf.new")).isEqualTo("port 6379\nmaxmemory 256mb\n");

        // A later release changes it again: the edit still stands, the .new follows the bundle.
        write(shipped, "configs/redis/redis.conf", "port 6379\nmaxmemory 512mb\n");
        report = installer().install();
        assertThat(read(user, "configs/redis/redis.conf")).isEqualTo("port 6379\n# mine\n");
        assertThat(read(user, "configs/redis/redis.conf.new")).isEqualTo("port 6379\nmaxmemory 512mb\n");
        assertThat(report.newVersions()).containsExactly("configs/redis/redis.conf.new");

        // The user takes the new version over: the .new has done its job.
        Files.copy(user.resolve("configs/redis/redis.conf.new"), user.resolve("configs/redis/redis.conf"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        report = installer().install();
        assertThat(report.kept()).isEmpty();
        assertThat(user.resolve("configs/redis/redis.conf.new")).doesNotExist();
    }

    @Test
    void anEditedFileIsKeptEvenWhenTheShippedVersionDidNotChange() throws IOException {
        installer().install();
        write(user, "compose/docker-compose.yml", "services: {mine: 1}\n");

        StackInstaller.Report report = installer().install();

        assertThat(report.kept()).containsExactly("compose/docker-compose.yml");
        assertThat(read(user, "compose/docker-compose.yml")).isEqualTo("services: {mine: 1}\n");
        assertThat(read(user, "compose/docker-compose.yml.new")).isEqualTo("services: {v: 1}\n");
    }

    @Test
    void aFileTheUserDeletedIsCopiedAgain() throws IOException {
        installer().install();
        Files.delete(user.resolve("configs/redis/redis.conf"));

        StackInstaller.Report report = installer().install();

        assertThat(report.installed()).containsExactly("configs/redis/redis.conf");
        assertThat(read(user, "configs/redis/redis.conf")).isEqualTo("port 6379\n");
    }

    @Test
    void aFileNoLongerShippedIsRemovedUnlessTheUserEditedIt() throws IOException {
        write(shipped, "configs/loki/loki.yml", "auth_enabled: false\n");
        installer().install();
        write(user, "configs/redis/redis.conf", "port 7000\n");
        Files.delete(shipped.resolve("configs/loki/loki.yml"));
        Files.delete(shipped.resolve("configs/redis/redis.conf"));

        StackInstaller.Report report = installer().install();

        assertThat(report.removed()).containsExactly("configs/loki/loki.yml");
        assertThat(report.keptRemoved()).containsExactly("configs/redis/redis.conf");
        assertThat(user.resolve("configs/loki/loki.yml")).doesNotExist();
        assertThat(read(user, "configs/redis/redis.conf")).isEqualTo("port 7000\n");
        assertThat(Files.readString(user.resolve(StackInstaller.MANIFEST))).doesNotContain("loki.yml", "redis.conf");
        // Out of the manifest, the kept file is the user's alone from now on.
        assertThat(installer().install().keptRemoved()).isEmpty();
    }

    @Test
    void aFileThatWasThereBeforeAnyInstallIsTreatedAsTheUsers() throws IOException {
        write(user, "configs/redis/redis.conf", "port 7000\n");

        StackInstaller.Report report = installer().install();

        assertThat(report.kept()).containsExactly("configs/redis/redis.conf");
        assertThat(read(user, "configs/redis/redis.conf")).isEqualTo("port 7000\n");
        assertThat(read(user, "configs/redis/redis.conf.new")).isEqualTo("port 6379\n");
    }

    @Test
    void runningAgainChangesNothing() throws IOException {
        installer().install();
        write(user, "configs/redis/redis.conf", "port 7000\n");
        write(shipped, "compose/docker-compose.yml", "services: {v: 2}\n");
        StackInstaller.Report second = installer().install();
        assertThat(second.changed()).isTrue();
        Map<String, String> before = tree(user);
        Map<String, FileTime> times = modified(user);

        StackInstaller.Report third = installer().install();

        assertThat(third.changed()).isFalse();
        assertThat(third.installed()).isEmpty();
        assertThat(third.updated()).isEmpty();
        assertThat(third.newVersions()).isEmpty();
        assertThat(third.removed()).isEmpty();
        assertThat(third.kept()).containsExactly("configs/redis/redis.conf");
        assertThat(tree(user)).isEqualTo(before);
        assertThat(modified(user)).isEqualTo(times);
    }

    @Test
    void aMissingBundleIsAnErrorNotAnEmptyInstall() {
        assertThatThrownBy(() -> new StackInstaller(temp.resolve("nowhere"), user).install())
                .isInstanceOf(IOException.class).hasMessageContaining("nowhere");
        assertThat(user).doesNotExist();
    }

    @Test
    void aManifestEntryPointingOutsideTheTargetIsIgnored() throws IOException {
        write(temp, "outside.txt", "precious\n");
        installer().install();
        Files.writeString(user.resolve(StackInstaller.MANIFEST), StackInstaller.sha256(temp.resolve("outside.txt"))
                + "  ../../outside.txt\n", java.nio.file.StandardOpenOption.APPEND);

        installer().install();

        assertThat(temp.resolve("outside.txt")).exists();
    }

    private StackInstaller installer() {
        return new StackInstaller(shipped, user);
    }

    private static void write(Path root, String rel, String text) throws IOException {
        Path file = root.resolve(rel);
        Files.createDirectories(file.getParent());
        if (Files.exists(file)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
        Files.writeString(file, text);
    }

    private static String read(Path root, String rel) throws IOException {
        return Files.readString(root.resolve(rel));
    }

    /** Relative path to content, without the installer's own files. */
    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (!name.equals(StackInstaller.MANIFEST) && !name.equals(".install.lock")) {
                    files.put(root.relativize(file).toString(), Files.readString(file));
                }
            }
        }
        return files;
    }

    private static Map<String, FileTime> modified(Path root) throws IOException {
        Map<String, FileTime> times = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                times.put(root.relativize(file).toString(), Files.getLastModifiedTime(file));
            }
        }
        return times;
    }
}
