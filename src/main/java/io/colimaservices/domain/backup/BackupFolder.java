package io.colimaservices.domain.backup;

import io.colimaservices.domain.UserError;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where backups live: one folder per backup, named by its id, holding {@value BackupManifest#FILE} and one file per
 * service. Everything is written under a {@value #PARTIAL} name first and renamed once complete (the files once
 * flushed to disk, the folder once its manifest is), so an interrupted or failed backup, a full disk or a vanished
 * container leaves nothing that looks complete: only folders with a manifest and without the suffix are backups.
 */
public final class BackupFolder {
    public static final String PARTIAL = ".partial";
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path root;
    private final ManifestFormat format;

    public BackupFolder(Path root, ManifestFormat format) {
        this.root = root.toAbsolutePath().normalize();
        this.format = format;
    }

    public Path root() {
        return root;
    }

    /** A new backup's folder ({@code <id>.partial}); the id is its start time in UTC, made unique. */
    public Path create(Instant started) {
        try {
            Files.createDirectories(root);
            String base = ID.format(started);
            for (int n = 1; ; n++) {
                String id = n == 1 ? base : base + "-" + n;
                if (Files.exists(root.resolve(id))) {
                    continue;
                }
                try {
                    return Files.createDirectory(root.resolve(id + PARTIAL),
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } catch (FileAlreadyExistsException e) {
                    // a backup started in the same second: next number
                } catch (UnsupportedOperationException e) {
                    return Files.createDirectory(root.resolve(id + PARTIAL));
                }
            }
        } catch (IOException e) {
            throw failure("cannot make a backup folder in " + root, e);
        }
    }

    public static String idOf(Path folder) {
        String name = folder.getFileName().toString();
        return name.endsWith(PARTIAL) ? name.substring(0, name.length() - PARTIAL.length()) : name;
    }

    /** A new file (0600) named {@code name + .partial} in the backup's folder. */
    public OutputStream createPartial(Path folder, String name) {
        try {
            return Files.newOutputStream(folder.resolve(name + PARTIAL), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw failure("cannot create " + folder.resolve(name + PARTIAL), e);
        }
    }

    /** Flushes a written file to disk and gives it its final name. */
    public Path completeFile(Path folder, String name) throws IOException {
        Path partial = folder.resolve(name + PARTIAL);
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        return move(partial, folder.resolve(name));
    }

    public void deletePartial(Path folder, String name) {
        try {
            Files.deleteIfExists(folder.resolve(name + PARTIAL));
        } catch (IOException e) {
            // the file keeps its .partial name: nothing takes it for complete
        }
    }

    /** Writes the manifest, then renames the folder to its id: the backup is complete from this moment. */
    public Path complete(Path partialFolder, BackupManifest manifest) {
        try {
            writeManifest(partialFolder, manifest);
            return move(partialFolder, partialFolder.resolveSibling(manifest.id()));
        } catch (IOException e) {
            throw failure("cannot complete the backup in " + partialFolder, e);
        }
    }

    /** Replaces a complete backup's manifest (a deep verify is recorded), atomically. */
    public void rewrite(Path folder, BackupManifest manifest) {
        try {
            writeManifest(folder, manifest);
        } catch (IOException e) {
            throw failure("cannot update " + folder.resolve(BackupManifest.FILE), e);
        }
    }

    private void writeManifest(Path folder, BackupManifest manifest) throws IOException {
        Path temp = folder.resolve(BackupManifest.FILE + PARTIAL);
        Files.write(temp, format.write(manifest));
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        move(temp, folder.resolve(BackupManifest.FILE));
    }

    /** Removes a backup's folder (a failed or cancelled one, or one pruned by the schedule). */
    public void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // what is left keeps its .partial name or lacks a manifest: not listed as a backup
        }
    }

    /** A complete backup with its folder. */
    public record Stored(Path folder, BackupManifest manifest) {
    }

    /** Every complete backup under the root, oldest first; folders whose manifest cannot be read are skipped. */
    public List<Stored> list() {
        List<Stored> backups = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return backups;
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path folder : folders) {
                if (folder.getFileName().toString().endsWith(PARTIAL)
                        || !Files.isRegularFile(folder.resolve(BackupManifest.FILE))) {
                    continue;
                }
                try {
                    backups.add(new Stored(folder, read(folder)));
                } catch (UserError e) {
                    // not a backup of ours (or damaged): 'verify' names the problem when asked about it
                }
            }
        } catch (IOException e) {
            throw failure("cannot list " + root, e);
        }
        backups.sort(Comparator.comparing((Stored s) -> s.manifest().started()).thenComparing(s -> s.manifest().id()));
        return backups;
    }

    /**
     * The backup named by {@code idOrPath}: an id under the root, or a backup folder's path.
     *
     * @throws UserError (backup) when there is none, or its manifest cannot be read
     */
    public Stored find(String idOrPath) {
        Path folder = idOrPath.contains("/") ? Path.of(idOrPath).toAbsolutePath().normalize() : root.resolve(idOrPath);
        if (!Files.isRegularFile(folder.resolve(BackupManifest.FILE))) {
            throw new UserError(UserError.Kind.BACKUP, "no backup " + idOrPath + " (no " + folder.resolve(
                    BackupManifest.FILE) + ")", "'colima-services backups' lists them");
        }
        return new Stored(folder, read(folder));
    }

    public BackupManifest read(Path folder) {
        Path file = folder.resolve(BackupManifest.FILE);
        try {
            return format.read(Files.readAllBytes(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new UserError(UserError.Kind.BACKUP, file + " is missing");
        } catch (IOException e) {
            throw failure("cannot read " + file, e);
        }
    }

    private static Path move(Path from, Path to) throws IOException {
        try {
            return Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            return Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static UserError failure(String what, IOException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new UserError(UserError.Kind.BACKUP, what + ": " + reason, "", e);
    }
}
