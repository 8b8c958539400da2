package io.colimaservices.domain.backup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The key backups are encrypted with: a random passphrase (256 bits, base64url) for OpenPGP's symmetric
 * encryption, so that {@code gpg --passphrase-file} opens a file without this app. Named by a fingerprint that
 * reveals nothing of it. {@link #toString()} never shows the secret.
 */
public record BackupKey(String fingerprint, String secret) {
    public BackupKey {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(secret, "secret");
    }

    public static BackupKey of(String secret) {
        return new BackupKey(fingerprintOf(secret), secret);
    }

    /** The first 16 hex digits of SHA-256 over a fixed prefix and the key. */
    public static String fingerprintOf(String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] hash = sha.digest(("colima-services backup key\n" + secret).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "BackupKey[" + fingerprint + "]";
    }
}
