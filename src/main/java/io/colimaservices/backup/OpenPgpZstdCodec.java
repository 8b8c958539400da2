package io.colimaservices.backup;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import io.colimaservices.domain.backup.BackupKey;
import io.colimaservices.domain.backup.StreamCodec;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPPBEEncryptedData;
import org.bouncycastle.openpgp.jcajce.JcaPGPObjectFactory;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePBEDataDecryptorFactoryBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePBEKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.jcajce.JcePGPDataEncryptorBuilder;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Zstandard compression, then OpenPGP symmetric encryption: an RFC 4880 (and RFC 9580, version 1 SEIPD) message,
 * AES-256 with the integrity packet (MDC), the key derived from the passphrase by iterated and salted S2K over
 * SHA-256, and one literal data packet written in 64 KiB partial-length chunks, so it streams. Any OpenPGP tool
 * reads it: {@code gpg --passphrase-file KEY -d postgres.dump.zst.gpg | zstd -d}. Built on BouncyCastle's
 * {@code bcpg} with the JDK's own AES and SHA (hardware-accelerated), and zstd-jni (level
 * {@value #LEVEL}; docs/design.md, "Backups", says why these).
 */
public final class OpenPgpZstdCodec implements StreamCodec {
    public static final int LEVEL = 1;
    private static final int CHUNK = 1 << 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final boolean compress;

    /** Compressed with Zstandard. */
    public OpenPgpZstdCodec() {
        this(true);
    }

    /** @param compress false: the stream is only encrypted (or written as it is), for measurements */
    public OpenPgpZstdCodec(boolean compress) {
        this.compress = compress;
    }

    @Override
    public String compression() {
        return compress ? "zstd" : "none";
    }

    @Override
    public String suffix(boolean encrypted) {
        return (compress ? ".zst" : "") + (encrypted ? ".gpg" : "");
    }

    @Override
    public OutputStream encoder(OutputStream file, Optional<BackupKey> key) throws IOException {
        OutputStream target = new KeepOpen(file);
        PGPEncryptedDataGenerator encryption = null;
        PGPLiteralDataGenerator literal = null;
        if (key.isPresent()) {
            encryption = new PGPEncryptedDataGenerator(new JcePGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                    .setWithIntegrityPacket(true).setSecureRandom(RANDOM));
            try {
                encryption.addMethod(new JcePBEKeyEncryptionMethodGenerator(key.get().secret().toCharArray(),
                        new JcaPGPDigestCalculatorProviderBuilder().build().get(HashAlgorithmTags.SHA256))
                        .setSecureRandom(RANDOM));
                OutputStream encrypted = encryption.open(target, new byte[CHUNK]);
                literal = new PGPLiteralDataGenerator();
                target = literal.open(encrypted, PGPLiteralData.BINARY, "", PGPLiteralData.NOW, new byte[CHUNK]);
            } catch (PGPException e) {
                throw new IOException("cannot set up the encryption: " + e.getMessage(), e);
            }
        }
        OutputStream body = compress ? new ZstdOutputStreamNoFinalizer(target, LEVEL) : target;
        PGPLiteralDataGenerator literalGenerator = literal;
        PGPEncryptedDataGenerator encryptionGenerator = encryption;
        OutputStream innermost = target;
        return new FilterOutputStream(body) {
            private boolean closed;

            @Override
            public void write(byte[] data, int offset, int length) throws IOException {
                out.write(data, offset, length);
            }

            @Override
            public void close() throws IOException {
                if (closed) {
                    return;
                }
                closed = true;
                if (compress) {
                    out.close();
                }
                if (literalGenerator != null) {
                    innermost.close();
                    literalGenerator.close();
                    encryptionGenerator.close();
                }
                file.flush();
            }
        };
    }

    @Override
    public InputStream decoder(InputStream file, Optional<BackupKey> key, String compression) throws IOException {
        InputStream plain = file;
        if (key.isPresent()) {
            plain = decrypt(file, key.get());
        }
        if (compression.equals("zstd")) {
            return new DrainedAtEnd(new ZstdInputStreamNoFinalizer(plain), plain);
        }
        if (!compression.equals("none")) {
            throw new IOException("unknown compression '" + compression + "'");
        }
        return plain;
    }

    private static InputStream decrypt(InputStream file, BackupKey key) throws IOException {
        try {
            JcaPGPObjectFactory outer = new JcaPGPObjectFactory(file);
            Object next = outer.nextObject();
            while (next instanceof PGPMarker) {
                next = outer.nextObject();
            }
            if (!(next instanceof PGPEncryptedDataList list) || list.isEmpty()
                    || !(list.get(0) instanceof PGPPBEEncryptedData encrypted)) {
                throw new IOException("not a passphrase-encrypted OpenPGP message");
            }
            InputStream clear = encrypted.getDataStream(new JcePBEDataDecryptorFactoryBuilder(
                    new JcaPGPDigestCalculatorProviderBuilder().build()).build(key.secret().toCharArray()));
            JcaPGPObjectFactory inner = new JcaPGPObjectFactory(clear);
            Object message = inner.nextObject();
            if (message instanceof PGPCompressedData compressed) {
                message = new JcaPGPObjectFactory(compressed.getDataStream()).nextObject();
            }
            if (!(message instanceof PGPLiteralData literal)) {
                throw new IOException("the OpenPGP message holds no literal data");
            }
            return new IntegrityChecked(literal.getInputStream(), encrypted);
        } catch (PGPException e) {
            throw new IOException("cannot decrypt (wrong key, or a damaged file): " + e.getMessage(), e);
        }
    }

    /** Leaves the file open when the encoder is closed (the caller flushes and closes it). */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] data, int offset, int length) throws IOException {
            out.write(data, offset, length);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }

    /**
     * The decrypted data; at its end the integrity packet is checked, and a failure (a damaged or truncated file) is
     * an {@link IOException} instead of the end of the stream.
     */
    private static final class IntegrityChecked extends EndChecked {
        private final PGPPBEEncryptedData encrypted;

        IntegrityChecked(InputStream data, PGPPBEEncryptedData encrypted) {
            super(data);
            this.encrypted = encrypted;
        }

        @Override
        void atEnd() throws IOException {
            try {
                if (!encrypted.isIntegrityProtected() || !encrypted.verify()) {
                    throw new IOException("the file failed its integrity check (damaged or altered)");
                }
            } catch (PGPException e) {
                throw new IOException("the file failed its integrity check: " + e.getMessage(), e);
            }
        }
    }

    /** Reads the layer below to its end once the decompressor is done, so that its end checks run. */
    private static final class DrainedAtEnd extends EndChecked {
        private final InputStream below;

        DrainedAtEnd(InputStream decompressed, InputStream below) {
            super(decompressed);
            this.below = below;
        }

        @Override
        void atEnd() throws IOException {
            byte[] rest = new byte[8192];
            long extra = 0;
            for (int r = below.read(rest); r >= 0; r = below.read(rest)) {
                extra += r;
            }
            if (extra > 0) {
                throw new IOException(extra + " bytes after the end of the compressed data");
            }
        }
    }

    /** A stream that runs a check once, when its source ends, before it hands the end on. */
    private abstract static class EndChecked extends InputStream {
        private final InputStream source;
        private boolean checked;

        EndChecked(InputStream source) {
            this.source = source;
        }

        abstract void atEnd() throws IOException;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = source.read(buffer, offset, length);
            if (n < 0 && !checked) {
                checked = true;
                atEnd();
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            source.close();
        }
    }
}
