package io.colimaservices.platform;

import io.colimaservices.domain.PrivateFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class FileSecretStoreTest {

    @Test
    void keepsValuesInAnOwnerOnlyFileInAnOwnerOnlyDirectory(@TempDir Path support) throws IOException {
        FileSecretStore store = new FileSecretStore(support);
        assertThat(store.read("vault.root-token")).isEmpty();

        store.write("vault.root-token", "hvs.example");
        store.write("vault.unseal-key.1", "aa11");

        assertThat(store.read("vault.root-token")).contains("hvs.example");
        assertThat(Files.getPosixFilePermissions(store.file())).isEqualTo(PrivateFiles.OWNER_FILE);
        assertThat(Files.getPosixFilePermissions(store.file().getParent())).isEqualTo(PrivateFiles.OWNER_DIR);
        assertThat(store.weaker()).isTrue();
        assertThat(store.description()).contains(store.file().toString()).contains("weaker");

        assertThat(store.delete("vault.unseal-key.1")).isTrue();
        assertThat(store.delete("vault.unseal-key.1")).isFalse();
        assertThat(new FileSecretStore(support).read("vault.unseal-key.1")).isEmpty();
        try (var leftovers = Files.list(store.file().getParent())) {
            assertThat(leftovers).containsExactly(store.file());
        }
    }

    @Test
    void tightensAFileThatOthersCouldRead(@TempDir Path support) throws IOException {
        FileSecretStore store = new FileSecretStore(support);
        store.write("a", "b");
        Files.setPosixFilePermissions(store.file(), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(store.file().getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(store.read("a")).contains("b");

        assertThat(Files.getPosixFilePermissions(store.file())).isEqualTo(PrivateFiles.OWNER_FILE);
        assertThat(Files.getPosixFilePermissions(store.file().getParent())).isEqualTo(PrivateFiles.OWNER_DIR);
    }

    @Test
    void aCorruptFileIsReportedWithoutItsContent(@TempDir Path support) throws IOException {
        FileSecretStore store = new FileSecretStore(support);
        store.write("a", "b");
        Files.writeString(store.file(), "{\"a\": \"hvs.leak-me\"");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.read("a"))
                .hasMessageContaining(store.file().toString())
                .hasMessageNotContaining("hvs.leak-me");
    }
}
