package io.colimaservices.settings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Copies the stack shipped inside the app ({@code compose/}, {@code configs/}) to a directory the user may edit
 * ({@code <app support>/stack/}), and keeps it current across app updates without overwriting the user's edits.
 *
 * <p>A manifest in the target ({@value #MANIFEST}, {@code sha256sum} format) records the hash of the shipped version
 * last written to each path. On each run, for every shipped file:
 * <ul>
 *   <li>missing in the target: copied;</li>
 *   <li>the same as shipped: nothing to do (a {@code .new} beside it holding that same version is removed);</li>
 *   <li>unchanged since the app wrote it (its hash is the recorded one) and the shipped version differs: updated;</li>
 *   <li>otherwise the user edited it: left alone, the shipped version written beside it as {@code <file>.new}, and
 *       a warning logged.</li>
 * </ul>
 * A file the app used to ship and no longer does is deleted when the user never edited it, else left alone.
 * Runs are idempotent: a second run with the same bundle writes nothing. Writes are atomic (temporary file, then
 * move) and runs of several processes (the menu-bar app and a command) are serialised by a lock file.
 */
public final class StackInstaller {
    /** The manifest of what the app installed, in the target directory. */
    public static final String MANIFEST = ".shipped-stack.sha256";
    /** Beside an edited file: the version the app ships now. */
    public static final String NEW_SUFFIX = ".new";
    private static final String LOCK = ".install.lock";
    private static final Logger LOG = LoggerFactory.getLogger(StackInstaller.class);

    private final Path bundled;
    private final Path target;

    /**
     * @param bundled the shipped stack (read only): the directory holding {@code compose/} and {@code configs/}
     * @param target  the user's copy, created when missing
     */
    public StackInstaller(Path bundled, Path target) {
        this.bundled = bundled.toAbsolutePath().normalize();
        this.target = target.toAbsolutePath().normalize();
    }

    /** Where the current user's editable copy of the stack lives: {@code <app support>/stack}. */
    public static Path userStackDir(AppDirectories directories) {
        return directories.support().resolve("stack");
    }

    public Path target() {
        return target;
    }

    /** What one run did; paths are relative to the target, with {@code /} separators. */
    public record Report(List<String> installed, List<String> updated, List<String> kept, List<String> newVersions,
                         List<String> removed, List<String> keptRemoved) {
        public Report {
            installed = List.copyOf(installed);
            updated = List.copyOf(updated);
            kept = List.copyOf(kept);
            newVersions = List.copyOf(newVersions);
            removed = List.copyOf(removed);
            keptRemoved = List.copyOf(keptRemoved);
        }

        /** True when the run wrote or deleted anything. */
        public boolean changed() {
            return !installed.isEmpty() || !updated.isEmpty() || !newVersions.isEmpty() || !removed.isEmpty();
        }

        public String summary() {
            return "%d installed, %d updated, %d removed, %d kept as edited (%d new versions written beside them)"
                    .formatted(installed.size(), updated.size(), removed.size(), kept.size(), newVersions.size());
        }
    }

    /** Brings the target up to date with the bundle. @throws IOException when the bundle or target cannot be used */
    public Report install() throws IOException {
        if (!Files.isDirectory(bundled)) {
            throw new IOException("no bundled stack at " + bundled);
        }
        Files.createDirectories(target);
        try (FileChannel lockFile = FileChannel.open(target.resolve(LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
             FileLock ignored = lockFile.lock()) {
            return installLocked();
        }
    }

    private Report installLocked() throws IOException {
        Map<String, String> recorded = readManifest();
        SortedMap<String, String> shipped = hashTree(bundled);
        SortedMap<String, String> next = new TreeMap<>();
        List<String> installed = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        List<String> newVersions = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> keptRemoved = new ArrayList<>();

        for (Map.Entry<String, String> file : shipped.entrySet()) {
            String rel = file.getKey();
            String shippedHash = file.getValue();
            Path source = bundled.resolve(rel);
            Path destination = target.resolve(rel);
            Path newVersion = sibling(destination, NEW_SUFFIX);
            if (!Files.exists(destination)) {
                copy(source, destination);
                installed.add(rel);
                next.put(rel, shippedHash);
                continue;
            }
            String current = sha256(destination);
            String base = recorded.get(rel);
            if (current.equals(shippedHash)) {
                next.put(rel, shippedHash);
                if (Files.isRegularFile(newVersion) && sha256(newVersion).equals(shippedHash)) {
                    // The user took the new version over: the copy beside it has done its job.
                    Files.delete(newVersion);
                }
            } else if (current.equals(base)) {
                copy(source, destination);
                updated.add(rel);
                next.put(rel, shippedHash);
                LOG.info("stack: updated {} to the version this app ships", destination);
            } else {
                kept.add(rel);
                if (base != null) {
                    next.put(rel, base);
                }
                if (!Files.isRegularFile(newVersion) || !sha256(newVersion).equals(shippedHash)) {
                    copy(source, newVersion);
                    newVersions.add(rel + NEW_SUFFIX);
                    LOG.warn("stack: kept your edited {}; the version this app ships is beside it as {}", destination,
                            newVersion.getFileName());
                }
            }
        }

        for (Map.Entry<String, String> gone : recorded.entrySet()) {
            String rel = gone.getKey();
            if (shipped.containsKey(rel)) {
                continue;
            }
            Path destination = target.resolve(rel);
            if (!Files.isRegularFile(destination)) {
                continue;
            }
            if (sha256(destination).equals(gone.getValue())) {
                Files.delete(destination);
                Files.deleteIfExists(sibling(destination, NEW_SUFFIX));
                removed.add(rel);
                LOG.info("stack: removed {}, which this app no longer ships", destination);
            } else {
                keptRemoved.add(rel);
                LOG.warn("stack: kept your edited {}, which this app no longer ships", destination);
            }
        }

        if (!next.equals(recorded)) {
            writeManifest(next);
        }
        Report report = new Report(installed, updated, kept, newVersions, removed, keptRemoved);
        if (report.changed()) {
            LOG.info("stack: {} in {}", report.summary(), target);
        }
        return report;
    }

    private Map<String, String> readManifest() throws IOException {
        Path manifest = target.resolve(MANIFEST);
        Map<String, String> hashes = new TreeMap<>();
        if (!Files.isRegularFile(manifest)) {
            return hashes;
        }
        for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            // sha256sum format: 64 hex digits, two spaces (or space and '*'), the path.
            if (line.length() > 66 && line.charAt(64) == ' ') {
                String rel = line.substring(66);
                if (isSafe(rel)) {
                    hashes.put(rel, line.substring(0, 64));
                }
            }
        }
        return hashes;
    }

    private void writeManifest(SortedMap<String, String> hashes) throws IOException {
        StringBuilder text = new StringBuilder();
        hashes.forEach((rel, hash) -> text.append(hash).append("  ").append(rel).append('\n'));
        Path manifest = target.resolve(MANIFEST);
        Path temporary = Files.createTempFile(target, MANIFEST, ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            move(temporary, manifest);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Every regular file under {@code root} by relative path, with its hash; our own bookkeeping files skipped. */
    private static SortedMap<String, String> hashTree(Path root) throws IOException {
        SortedMap<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String rel = relative(root, file);
                String name = file.getFileName().toString();
                if (!name.equals(MANIFEST) && !name.equals(LOCK) && !name.endsWith(NEW_SUFFIX)) {
                    hashes.put(rel, sha256(file));
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return hashes;
    }

    private static String relative(Path root, Path file) {
        String rel = root.relativize(file).toString();
        String separator = FileSystems.getDefault().getSeparator();
        return separator.equals("/") ? rel : rel.replace(separator, "/");
    }

    /** A manifest entry names a file inside the target, never one outside it. */
    private static boolean isSafe(String rel) {
        return !rel.isEmpty() && !rel.startsWith("/") && Stream.of(rel.split("/")).noneMatch(".."::equals);
    }

    private static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    /** Copies atomically, with the source's permissions plus the owner's write bit (the copy is the user's). */
    private static void copy(Path source, Path destination) throws IOException {
        Files.createDirectories(destination.getParent());
        Path temporary = Files.createTempFile(destination.getParent(), "." + destination.getFileName(), ".tmp");
        try {
            Files.copy(source, temporary, StandardCopyOption.REPLACE_EXISTING);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(source);
                permissions.add(PosixFilePermission.OWNER_READ);
                permissions.add(PosixFilePermission.OWNER_WRITE);
                Files.setPosixFilePermissions(temporary, permissions);
            }
            move(temporary, destination);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
