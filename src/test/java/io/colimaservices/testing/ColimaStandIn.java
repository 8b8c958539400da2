package io.colimaservices.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stand-in {@code colima} (test resource {@code colima/colima-standin.sh}) installed as an executable in a
 * temporary directory. Resources lose their executable bit on the way into target/, hence the copy and chmod.
 */
public final class ColimaStandIn {
    private static final String RESOURCE = "/colima/colima-standin.sh";
    private final Path directory;
    private final Path executable;

    private ColimaStandIn(Path directory, Path executable) {
        this.directory = directory;
        this.executable = executable;
    }

    public static ColimaStandIn install(Path directory) {
        try (InputStream script = ColimaStandIn.class.getResourceAsStream(RESOURCE)) {
            if (script == null) {
                throw new IllegalStateException("missing test resource " + RESOURCE);
            }
            Path bin = Files.createDirectories(directory.resolve("bin"));
            Path executable = bin.resolve("colima");
            Files.copy(script, executable);
            Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
            return new ColimaStandIn(directory, executable);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path executable() {
        return executable;
    }

    public Path directory() {
        return directory;
    }

    /** An environment for the stand-in: a minimal PATH, its directory, and the given NAME=value settings. */
    public Map<String, String> environment(String... settings) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", "/usr/bin:/bin");
        env.put("HOME", directory.toString());
        env.put("STANDIN_DIR", directory.toString());
        for (String setting : settings) {
            int eq = setting.indexOf('=');
            env.put(setting.substring(0, eq), setting.substring(eq + 1));
        }
        return env;
    }

    /** The argument lists the stand-in was called with, one line per call, in order. */
    public List<String> calls() {
        Path log = directory.resolve("calls.log");
        try {
            return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pid a hanging stand-in wrote to {@code name} ({@code standin.pid}, {@code child.pid}). */
    public Optional<Long> pid(String name) {
        Path file = directory.resolve(name);
        try {
            return Files.exists(file) ? Optional.of(Long.parseLong(Files.readString(file).strip())) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lets a stand-in started with STANDIN_START=wait finish. */
    public void go() {
        try {
            Files.writeString(directory.resolve("go"), "go\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
