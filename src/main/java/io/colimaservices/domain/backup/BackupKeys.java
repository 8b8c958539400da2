package io.colimaservices.domain.backup;

import io.colimaservices.domain.PrivateFiles;
import io.colimaservices.domain.SecretStore;
import io.colimaservices.domain.UserError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The backup keys in the {@link SecretStore}: the current one (made on first use) under {@value #CURRENT}, and
 * every key this machine has had or was given under {@code backup.key.<fingerprint>}, so a backup made with an
 * older or imported key still opens. The key file written by {@link #export} holds the passphrase on its first
 * line, as {@code gpg --passphrase-file} reads it.
 */
public final class BackupKeys {
    static final String CURRENT = "backup.key";
    private static final String BY_FINGERPRINT = "backup.key.";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretStore store;

    public BackupKeys(SecretStore store) {
        this.store = store;
    }

    /** The key new backups use; made and stored on first use. */
    public synchronized BackupKey current() {
        Optional<String> stored = store.read(CURRENT);
        if (stored.isPresent()) {
            BackupKey key = BackupKey.of(stored.get());
            keep(key);
            return key;
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        BackupKey key = BackupKey.of(Base64.getUrlEncoder().withoutPadding().encodeToString(random));
        keep(key);
        store.write(CURRENT, key.secret());
        return key;
    }

    public Optional<BackupKey> currentIfAny() {
        return store.read(CURRENT).map(BackupKey::of);
    }

    /**
     * The key with this fingerprint.
     *
     * @throws UserError (backup) when this machine does not have it, with how to bring it over
     */
    public BackupKey require(String fingerprint, String backupId) {
        Optional<BackupKey> current = currentIfAny().filter(k -> k.fingerprint().equals(fingerprint));
        if (current.isPresent()) {
            return current.get();
        }
        return store.read(BY_FINGERPRINT + fingerprint).map(BackupKey::of)
                .filter(k -> k.fingerprint().equals(fingerprint))
                .orElseThrow(() -> new UserError(UserError.Kind.BACKUP, "backup " + backupId
                        + " is encrypted with key " + fingerprint + ", which " + store.description()
                        + " does not hold", "on the machine that made it: 'colima-services backup key export FILE'; "
                        + "here: 'colima-services backup key import FILE'"));
    }

    /** Writes the current key to a new file (0600); the folder's permissions are left as they are. */
    public BackupKey export(Path file) {
        BackupKey key = current();
        String text = key.secret() + "\n"
                + "# Colima Services backup key " + key.fingerprint() + ". Anyone with this file can read your "
                + "backups: keep it apart from them.\n"
                + "# Import it on another Mac: colima-services backup key import THIS-FILE\n"
                + "# Or decrypt a file without the app: gpg --batch --pinentry-mode loopback --passphrase-file "
                + "THIS-FILE -d FILE.zst.gpg | zstd -d > FILE\n";
        try {
            PrivateFiles.createInPlace(file, text);
        } catch (FileAlreadyExistsException e) {
            throw new UserError(UserError.Kind.CONFIGURATION, file + " already exists", "choose a new file");
        } catch (IOException e) {
            throw new UserError(UserError.Kind.OTHER, "cannot write " + file + ": " + e.getClass().getSimpleName());
        }
        return key;
    }

    /** The outcome of an import: the key, and whether it became the one new backups use. */
    public record Imported(BackupKey key, boolean madeCurrent) {
    }

    /**
     * Stores the key in {@code file} (its first line). It becomes the current key only when there is none yet,
     * so importing another Mac's key never changes what this Mac's next backups use.
     */
    public synchronized Imported importFrom(Path file) {
        String secret;
        try {
            secret = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
        } catch (NoSuchFileException e) {
            throw new UserError(UserError.Kind.CONFIGURATION, file + " does not exist");
        } catch (IOException e) {
            throw new UserError(UserError.Kind.CONFIGURATION, "cannot read " + file + ": "
                    + e.getClass().getSimpleName());
        }
        if (secret.length() < 20 || secret.startsWith("#") || secret.chars().anyMatch(Character::isWhitespace)) {
            throw new UserError(UserError.Kind.CONFIGURATION, file + " holds no backup key on its first line",
                    "use a file written by 'colima-services backup key export'");
        }
        BackupKey key = BackupKey.of(secret);
        keep(key);
        boolean madeCurrent = store.read(CURRENT).isEmpty();
        if (madeCurrent) {
            store.write(CURRENT, key.secret());
        }
        return new Imported(key, madeCurrent);
    }

    private void keep(BackupKey key) {
        String name = BY_FINGERPRINT + key.fingerprint();
        if (store.read(name).isEmpty()) {
            store.write(name, key.secret());
        }
    }

    public String storeDescription() {
        return store.description();
    }
}
