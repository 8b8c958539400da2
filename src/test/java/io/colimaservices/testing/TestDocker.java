package io.colimaservices.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The real Docker engine for integration tests. Without an engine, tests are skipped on a developer's machine but
 * fail in CI ({@code CI=true}), where an engine is part of the contract. Test images are built locally from
 * Debian's {@code busybox-static}: nothing is pulled.
 */
public final class TestDocker {
    public static final String IMAGE = "cs-test-busybox:1";
    private static final Path BUSYBOX = Path.of("/bin/busybox");
    private static volatile boolean imageReady;

    private TestDocker() {
    }

    /** Fails (CI) or skips (elsewhere) unless the engine at the default socket answers. */
    public static void require() {
        Processes.Result version = Processes.run(null, 20, "docker", "version", "--format", "{{.Server.Version}}");
        if (version.exitCode() != 0) {
            String reason = "Docker engine not reachable: " + version.output().strip();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(reason + " (CI=true: Docker is required)");
            }
            Assumptions.abort(reason);
        }
        ensureImage();
    }

    /** Builds {@value #IMAGE} by importing a folder that holds only a static busybox. */
    public static synchronized void ensureImage() {
        if (imageReady || Processes.run(null, 20, "docker", "image", "inspect", IMAGE).exitCode() == 0) {
            imageReady = true;
            return;
        }
        if (!Files.isExecutable(BUSYBOX)) {
            throw new AssertionError("install busybox-static: " + BUSYBOX + " is missing");
        }
        Path root = null;
        try {
            root = Files.createTempDirectory("cs-image");
            Path bin = Files.createDirectories(root.resolve("bin"));
            Files.copy(BUSYBOX, bin.resolve("busybox"));
            for (String applet : new String[] {"sh", "sleep", "echo", "cat", "true", "false", "kill", "printf",
                    "seq", "yes", "head", "date", "wget", "nc", "ls", "env", "test", "[", "touch", "rm", "mkdir",
                    "dd", "tr", "base64"}) {
                Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
            }
            Files.createDirectories(root.resolve("tmp"));
            Processes.run(null, 120, "sh", "-c",
                    "tar -C '" + root + "' -c . | docker import -c 'CMD [\"/bin/sh\"]' - " + IMAGE)
                    .orFail("docker import");
            Processes.run(null, 60, "docker", "run", "--rm", "--network", "none", IMAGE, "/bin/true")
                    .orFail("running the test image (is /bin/busybox static? install busybox-static)");
            imageReady = true;
        } catch (IOException e) {
            throw new AssertionError("cannot build the test image", e);
        } finally {
            deleteQuietly(root);
        }
    }

    public static void deleteQuietly(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
