package io.colimaservices.backup;

import io.colimaservices.domain.UserError;
import io.colimaservices.domain.backup.BackupManifest;
import io.colimaservices.domain.backup.BackupMode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonManifestFormatTest {
    static BackupManifest sample() {
        Instant t = Instant.parse("2026-05-01T10:00:00Z");
        return new BackupManifest(1, "20260501-100000", "0.1.0", "colima-services", t, t.plusSeconds(9), "zstd",
                Optional.of(new BackupManifest.Encryption(BackupManifest.Encryption.OPENPGP_AES256, "0011223344556677")),
                List.of(new BackupManifest.ServiceEntry("postgres", BackupMode.DUMP, "postgres.dump.zst.gpg",
                                "postgres:17.6-bookworm", "sha256:abc", Optional.of("postgres@sha256:def"),
                                Optional.of("hash1"), List.of(), t, t.plusSeconds(3), 1000, 400, "ff".repeat(32),
                                Optional.empty()),
                        new BackupManifest.ServiceEntry("vault", BackupMode.VOLUMES, "vault.tar.zst.gpg",
                                "hashicorp/vault:1.20.4", "sha256:123", Optional.empty(), Optional.empty(),
                                List.of("vault_data"), t, t.plusSeconds(5), 2000, 900, "aa".repeat(32),
                                Optional.of("8899aabbccddeeff"))),
                List.of(new BackupManifest.DeepVerify(t.plusSeconds(60), false, List.of(
                        new BackupManifest.ServiceCheck("postgres", false, "restoring failed")))));
    }

    @Test
    void aManifestRoundTripsAndReadsAsDocumented() {
        JsonManifestFormat format = new JsonManifestFormat();
        byte[] json = format.write(sample());
        assertThat(format.read(json, "m.json")).isEqualTo(sample());
        String text = new String(json, StandardCharsets.UTF_8);
        assertThat(text).contains("\"keyFingerprint\" : \"0011223344556677\"", "\"unsealShareSet\" : \"8899aabbccddeeff\"",
                "\"definitionHash\" : \"hash1\"", "\"deepVerifies\"");
    }

    @Test
    void aMissingFieldOrANewerFormatIsNamed() {
        JsonManifestFormat format = new JsonManifestFormat();
        String text = new String(format.write(sample()), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> format.read(text.replace("\"sha256\"", "\"sha\"").getBytes(StandardCharsets.UTF_8),
                "/b/m.json")).isInstanceOf(UserError.class).hasMessageContaining("/b/m.json").hasMessageContaining("sha256");
        assertThatThrownBy(() -> format.read(text.replace("\"format\" : 1", "\"format\" : 2")
                .getBytes(StandardCharsets.UTF_8), "m.json")).hasMessageContaining("format 2");
        assertThatThrownBy(() -> format.read("{".getBytes(StandardCharsets.UTF_8), "m.json"))
                .hasMessageContaining("invalid JSON");
    }
}
