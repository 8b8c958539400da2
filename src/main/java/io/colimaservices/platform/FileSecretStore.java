package io.colimaservices.platform;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.colimaservices.domain.PrivateFiles;
import io.colimaservices.domain.SecretStore;
import io.colimaservices.domain.UserError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The fallback store where no keychain answers: one JSON file, mode 0600, in a 0700 directory under the app's
 * config directory. Weaker than a keychain: any process running as the user can read it, and it is not encrypted.
 * A file that others can read (copied, restored from a backup) is tightened back to 0600 before use.
 */
public final class FileSecretStore implements SecretStore {
    public static final String DIRECTORY = "secrets";
    public static final String FILE = "secrets.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {
    };

    private final Path file;

    /** @param supportDir the app's config directory ({@code AppDirectories.support()}) */
    public FileSecretStore(Path supportDir) {
        this.file = supportDir.resolve(DIRECTORY).resolve(FILE);
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized Optional<String> read(String name) {
        return Optional.ofNullable(load().get(name));
    }

    @Override
    public synchronized void write(String name, String value) {
        Map<String, String> all = load();
        all.put(name, value);
        save(all);
    }

    @Override
    public synchronized boolean delete(String name) {
        Map<String, String> all = load();
        if (all.remove(name) == null) {
            return false;
        }
        save(all);
        return true;
    }

    @Override
    public String description() {
        return "the file " + file + " (readable by you only; weaker than a keychain)";
    }

    @Override
    public boolean weaker() {
        return true;
    }

    private Map<String, String> load() {
        try {
            tighten();
            return MAPPER.readValue(Files.readAllBytes(file), MAP);
        } catch (NoSuchFileException e) {
            return new TreeMap<>();
        } catch (IOException e) {
            // Never Jackson's message: it quotes the file's content around the error.
            throw new UserError(UserError.Kind.OTHER, "cannot read the secret store " + file + " ("
                    + e.getClass().getSimpleName() + ")", "move it aside and run 'vault import' or 'vault init'");
        }
    }

    private void save(Map<String, String> all) {
        try {
            PrivateFiles.write(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(all));
        } catch (IOException e) {
            throw new UserError(UserError.Kind.OTHER, "cannot write the secret store " + file + ": "
                    + e.getClass().getSimpleName());
        }
    }

    private void tighten() throws IOException {
        if (!Files.exists(file) || !PrivateFiles.posix(file)) {
            return;
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
        if (!mode.equals(PrivateFiles.OWNER_FILE)) {
            Files.setPosixFilePermissions(file, PrivateFiles.OWNER_FILE);
        }
        Path dir = file.getParent();
        if (!Files.getPosixFilePermissions(dir).equals(PrivateFiles.OWNER_DIR)) {
            Files.setPosixFilePermissions(dir, PrivateFiles.OWNER_DIR);
        }
    }
}
