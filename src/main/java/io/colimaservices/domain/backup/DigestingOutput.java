package io.colimaservices.domain.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Passes bytes on to a file and keeps their SHA-256 and count: the manifest's record of what was written. */
final class DigestingOutput extends FilterOutputStream {
    private final MessageDigest sha = sha256();
    private long count;

    DigestingOutput(OutputStream file) {
        super(file);
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        sha.update((byte) b);
        count++;
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        out.write(data, offset, length);
        sha.update(data, offset, length);
        count += length;
    }

    long count() {
        return count;
    }

    String hex() {
        return HexFormat.of().formatHex(sha.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
