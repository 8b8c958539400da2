package io.colimaservices.domain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files only their owner may read (0600) in directories only the owner may enter (0700). The file is created
 * with its final permissions before a byte is written, then moved into place, so there is no moment when it is
 * readable by others or half written.
 */
public final class PrivateFiles {
    public static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {
    }

    /** Creates {@code dir} and missing parents; makes {@code dir} itself 0700 (parents keep their mode). */
    public static void ensureDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (posix(dir)) {
            Files.setPosixFilePermissions(dir, OWNER_DIR);
        }
    }

    /** Writes {@code text} to {@code file} (0600), replacing it atomically. */
    public static void write(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        ensureDirectory(dir);
        Path temp = dir.resolve("." + file.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        Files.deleteIfExists(temp);
        if (posix(dir)) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_FILE));
        } else {
            Files.createFile(temp);
        }
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            moveIntoPlace(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Replaces {@code target} with {@code written} (a file beside it): atomically where the file system can. */
    public static void moveIntoPlace(Path written, Path target) throws IOException {
        try {
            Files.move(written, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(written, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes a new file (0600) and refuses to replace one, making its folder 0700 (the app's own folders). */
    public static void create(Path file, String text) throws IOException {
        if (Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString());
        }
        write(file, text);
    }

    /**
     * Writes a new file (0600, from its creation) in a folder the user chose, refusing to replace one, and leaves
     * an existing folder as it is: an export to the Desktop or a USB stick must not change who may enter it (a
     * missing folder is made, 0700, since it is made for this file). A file that cannot be written whole is removed.
     */
    public static void createInPlace(Path file, String text) throws IOException {
        Path absolute = file.toAbsolutePath();
        if (!Files.isDirectory(absolute.getParent())) {
            ensureDirectory(absolute.getParent());
        }
        if (posix(absolute.getParent())) {
            Files.createFile(absolute, PosixFilePermissions.asFileAttribute(OWNER_FILE));
        } else {
            Files.createFile(absolute);
        }
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(absolute,
                java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer bytes = StandardCharsets.UTF_8.encode(text);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(absolute);
            throw e;
        }
    }

    public static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
