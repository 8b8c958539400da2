package io.colimaservices.domain.backup;

import io.colimaservices.domain.MemorySecretStore;
import io.colimaservices.domain.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackupKeysTest {
    @TempDir
    Path dir;

    @Test
    void theKeyIsMadeOnceRandomAndLong() {
        MemorySecretStore store = new MemorySecretStore();
        BackupKey key = new BackupKeys(store).current();
        assertThat(key.secret()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(new BackupKeys(store).current()).isEqualTo(key);
        assertThat(new BackupKeys(new MemorySecretStore()).current().secret()).isNotEqualTo(key.secret());
        assertThat(key.toString()).doesNotContain(key.secret());
        assertThat(key.fingerprint()).hasSize(16).isNotEqualTo(key.secret().substring(0, 16));
    }

    @Test
    void anExportedKeyImportsElsewhereWithoutReplacingThatMachinesOwnKey() throws Exception {
        MemorySecretStore here = new MemorySecretStore();
        BackupKey mine = new BackupKeys(here).current();
        Path folder = Files.createDirectories(dir.resolve("usb"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = folder.resolve("key.txt");
        new BackupKeys(here).export(file);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(folder)).isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(Files.readAllLines(file).getFirst()).isEqualTo(mine.secret());
        assertThatThrownBy(() -> new BackupKeys(here).export(file)).isInstanceOf(UserError.class)
                .hasMessageContaining("already exists");

        MemorySecretStore fresh = new MemorySecretStore();
        BackupKeys.Imported first = new BackupKeys(fresh).importFrom(file);
        assertThat(first.madeCurrent()).isTrue();
        assertThat(new BackupKeys(fresh).require(mine.fingerprint(), "x")).isEqualTo(mine);

        MemorySecretStore other = new MemorySecretStore();
        BackupKey theirs = new BackupKeys(other).current();
        BackupKeys.Imported second = new BackupKeys(other).importFrom(file);
        assertThat(second.madeCurrent()).isFalse();
        assertThat(new BackupKeys(other).current()).isEqualTo(theirs);
        assertThat(new BackupKeys(other).require(mine.fingerprint(), "x")).isEqualTo(mine);
    }

    @Test
    void aMissingKeySaysHowToBringItOverAndAFileWithoutOneIsRefused() throws Exception {
        assertThatThrownBy(() -> new BackupKeys(new MemorySecretStore()).require("00112233aabbccdd", "20260101-000000"))
                .isInstanceOf(UserError.class).hasMessageContaining("00112233aabbccdd")
                .extracting(e -> ((UserError) e).hint()).asString().contains("backup key import");
        Path empty = Files.writeString(dir.resolve("empty.txt"), "# nothing\n");
        assertThatThrownBy(() -> new BackupKeys(new MemorySecretStore()).importFrom(empty))
                .isInstanceOf(UserError.class).hasMessageContaining("no backup key");
    }
}
