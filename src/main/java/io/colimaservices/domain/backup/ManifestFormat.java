package io.colimaservices.domain.backup;

/** Reads and writes {@code manifest.json} (the adapter owns the JSON library). */
public interface ManifestFormat {

    byte[] write(BackupManifest manifest);

    /** @throws io.colimaservices.domain.UserError (backup) naming what is wrong in the text */
    BackupManifest read(byte[] json, String where);
}
