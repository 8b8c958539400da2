package io.colimaservices.domain.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Compression and encryption between a service's stream and its file, streamed both ways (memory stays flat
 * whatever the size). Closing the returned output stream finishes the file but leaves {@code file} open.
 */
public interface StreamCodec {

    /** The compression this codec writes, as the manifest names it ({@code zstd}). */
    String compression();

    /** The suffix its files get after the plan's base name, e.g. {@code .zst.gpg} or {@code .zst}. */
    String suffix(boolean encrypted);

    OutputStream encoder(OutputStream file, Optional<BackupKey> key) throws IOException;

    /**
     * Decodes a file written by {@link #encoder}. An encrypted file whose integrity check fails, or that ends
     * early, throws an {@link IOException} at its end, before the last bytes are given out, so a consumer that
     * reads to the end never sees a damaged stream end normally.
     */
    InputStream decoder(InputStream file, Optional<BackupKey> key, String compression) throws IOException;
}
