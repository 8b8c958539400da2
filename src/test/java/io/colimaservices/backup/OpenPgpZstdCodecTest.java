package io.colimaservices.backup;

import io.colimaservices.domain.backup.BackupKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenPgpZstdCodecTest {
    private static final BackupKey KEY = BackupKey.of("a-test-passphrase-with-43-characters-aaaaaaa");

    @TempDir
    Path dir;

    private static byte[] sample(int size) {
        byte[] data = new byte[size];
        new Random(7).nextBytes(data);
        byte[] text = "INSERT INTO t VALUES (1, 'hello');\n".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + text.length < size / 2; i += text.length) {
            System.arraycopy(text, 0, data, i, text.length);
        }
        return data;
    }

    private static byte[] encode(OpenPgpZstdCodec codec, byte[] data, Optional<BackupKey> key) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (OutputStream out = codec.encoder(file, key)) {
            for (int i = 0; i < data.length; i += 10_000) {
                out.write(data, i, Math.min(10_000, data.length - i));
            }
        }
        return file.toByteArray();
    }

    private static byte[] decode(OpenPgpZstdCodec codec, byte[] file, Optional<BackupKey> key) throws IOException {
        try (InputStream in = codec.decoder(new ByteArrayInputStream(file), key, codec.compression())) {
            return in.readAllBytes();
        }
    }

    @Test
    void everyCombinationRoundTrips() throws IOException {
        byte[] data = sample(3_000_000);
        for (boolean compress : new boolean[] {true, false}) {
            OpenPgpZstdCodec codec = new OpenPgpZstdCodec(compress);
            for (Optional<BackupKey> key : java.util.List.of(Optional.of(KEY), Optional.<BackupKey>empty())) {
                byte[] file = encode(codec, data, key);
                assertThat(decode(codec, file, key)).as("compress %s, key %s", compress, key).isEqualTo(data);
                if (compress) {
                    assertThat(file.length).isLessThan(data.length);
                }
                if (key.isPresent()) {
                    assertThat(new String(file, StandardCharsets.ISO_8859_1)).doesNotContain("INSERT INTO");
                }
            }
        }
        assertThat(new OpenPgpZstdCodec().suffix(true)).isEqualTo(".zst.gpg");
        assertThat(new OpenPgpZstdCodec(false).suffix(false)).isEmpty();
    }

    @Test
    void aFlippedByteOrATruncatedFileNeverEndsNormallyAndAWrongKeyIsRefused() throws IOException {
        OpenPgpZstdCodec codec = new OpenPgpZstdCodec();
        byte[] data = sample(1_000_000);
        byte[] file = encode(codec, data, Optional.of(KEY));
        for (int at : new int[] {file.length / 3, file.length / 2, file.length - 5}) {
            byte[] damaged = file.clone();
            damaged[at] ^= 0x10;
            assertThatThrownBy(() -> decode(codec, damaged, Optional.of(KEY))).as("flipped at %d", at)
                    .isInstanceOf(IOException.class);
        }
        byte[] truncated = java.util.Arrays.copyOf(file, file.length - 100);
        assertThatThrownBy(() -> decode(codec, truncated, Optional.of(KEY))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> decode(codec, file, Optional.of(BackupKey.of("another-key-another-key-another-key"))))
                .isInstanceOf(IOException.class).hasMessageContaining("cannot decrypt");
    }

    @Test
    void gpgAndZstdOpenTheFileWithTheKeyFile() throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/gpg")) || !Files.isExecutable(Path.of("/usr/bin/zstd"))) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("gpg and zstd are needed (.ci/run installs gnupg and zstd)");
            }
            org.junit.jupiter.api.Assumptions.abort("gpg or zstd not installed");
        }
        byte[] data = sample(500_000);
        Path encrypted = Files.write(dir.resolve("x.zst.gpg"), encode(new OpenPgpZstdCodec(), data, Optional.of(KEY)));
        Path keyFile = Files.writeString(dir.resolve("key"), KEY.secret() + "\n# comment\n");
        Path out = dir.resolve("x");
        Process gpg = new ProcessBuilder("sh", "-c", "gpg --homedir '" + Files.createDirectories(dir.resolve("g"))
                + "' --batch --pinentry-mode loopback --passphrase-file '" + keyFile + "' -d '" + encrypted
                + "' | zstd -d -q -o '" + out + "'").redirectErrorStream(true).start();
        String log = new String(gpg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(gpg.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(gpg.exitValue()).as(log).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(data);
        assertThat(log).contains("AES256");
    }
}
