package io.colimaservices.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real image registry on loopback for pull tests: Debian's {@code docker-registry} ({@code registry:2}'s code)
 * serving {@code 127.0.0.1:<free port>} from a storage folder of the test's own. The Docker engine treats
 * {@code 127.0.0.0/8} as an insecure registry by default ({@code docker info}: "Insecure Registries: 127.0.0.0/8"),
 * so it pulls over plain HTTP. Two registries may share one storage folder: one open (to push to), one asking for
 * a login (htpasswd, bcrypt) to pull from.
 */
public final class LoopbackRegistry implements AutoCloseable {
    private static final String BINARY = "docker-registry";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MANIFEST_V2 = "application/vnd.docker.distribution.manifest.v2+json";
    private static final String MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";

    private final Path directory;
    private final int port;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LoopbackRegistry(Path directory, int port, Process process) {
        this.directory = directory;
        this.port = port;
        this.process = process;
    }

    /** Fails (CI) or skips (elsewhere) when the registry is not installed. */
    public static void require() {
        if (Processes.run(null, 10, "sh", "-c", "command -v " + BINARY).exitCode() != 0) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(BINARY + " is required in CI (Debian package docker-registry)");
            }
            Assumptions.abort(BINARY + " not installed");
        }
    }

    /** An open registry storing under {@code storage}. */
    public static LoopbackRegistry start(Path directory, Path storage) {
        return start(directory, storage, Optional.empty());
    }

    /**
     * @param htpasswd a file of {@code user:bcrypt-hash} lines; when given, every request needs a login
     */
    public static LoopbackRegistry start(Path directory, Path storage, Optional<Path> htpasswd) {
        require();
        for (int tries = 0; ; tries++) {
            int port = freePort();
            Path config = directory.resolve("registry-" + port + ".yml");
            String auth = htpasswd.map(file -> """
                    auth:
                      htpasswd:
                        realm: cs-test
                        path: %s
                    """.formatted(file)).orElse("");
            try {
                Files.writeString(config, """
                        version: 0.1
                        log:
                          level: warn
                        storage:
                          filesystem:
                            rootdirectory: %s
                          delete:
                            enabled: true
                        http:
                          addr: 127.0.0.1:%d
                          secret: %s
                        %s""".formatted(storage, port, UUID.randomUUID(), auth));
                Process process = new ProcessBuilder(BINARY, "serve", config.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(directory.resolve("registry-" + port + ".log").toFile())
                        .start();
                LoopbackRegistry registry = new LoopbackRegistry(directory, port, process);
                if (registry.awaitReady(Duration.ofSeconds(20))) {
                    return registry;
                }
                registry.close();
                if (tries >= 3) {
                    throw new AssertionError("the registry did not answer on 127.0.0.1:" + port + ": "
                            + Files.readString(directory.resolve("registry-" + port + ".log")));
                }
            } catch (IOException e) {
                throw new AssertionError("cannot start " + BINARY, e);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private boolean awaitReady(Duration timeout) {
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until && process.isAlive()) {
            try {
                int status = http.send(HttpRequest.newBuilder(uri("/v2/")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200 || status == 401) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** {@code 127.0.0.1:PORT}, the registry part of its images' names. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    private URI uri(String path) {
        return URI.create("http://" + host() + path);
    }

    /** Tags a local image into this registry and pushes it; returns the pushed name. */
    public String push(String localImage, String repositoryAndTag) {
        String name = host() + "/" + repositoryAndTag;
        Processes.run(null, 60, "docker", "tag", localImage, name).orFail("docker tag");
        Processes.run(null, 300, "docker", "push", name).orFail("docker push " + name);
        return name;
    }

    /**
     * Publishes {@code listTag} as a manifest list holding only {@code ofTag}'s manifest, declared for
     * {@code architecture} (linux): an image that exists, but not for any other platform. Built by hand over the
     * registry's HTTP API (distribution's spec), which checks that the manifest it lists exists.
     */
    public void putManifestList(String repository, String ofTag, String listTag, String architecture) {
        try {
            HttpResponse<byte[]> manifest = http.send(HttpRequest.newBuilder(
                            uri("/v2/" + repository + "/manifests/" + ofTag)).header("Accept", MANIFEST_V2).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (manifest.statusCode() != 200) {
                throw new AssertionError("no manifest " + repository + ":" + ofTag + ": " + manifest.statusCode());
            }
            String digest = manifest.headers().firstValue("Docker-Content-Digest").orElseThrow();
            String list = JSON.writeValueAsString(Map.of(
                    "schemaVersion", 2,
                    "mediaType", MANIFEST_LIST,
                    "manifests", java.util.List.of(Map.of(
                            "mediaType", MANIFEST_V2,
                            "digest", digest,
                            "size", manifest.body().length,
                            "platform", Map.of("architecture", architecture, "os", "linux")))));
            HttpResponse<String> put = http.send(HttpRequest.newBuilder(
                            uri("/v2/" + repository + "/manifests/" + listTag))
                    .header("Content-Type", MANIFEST_LIST)
                    .PUT(HttpRequest.BodyPublishers.ofString(list)).build(), HttpResponse.BodyHandlers.ofString());
            if (put.statusCode() != 201) {
                throw new AssertionError("the registry refused the manifest list: " + put.statusCode() + " "
                        + put.body());
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "registry at " + host() + " (" + directory + ")";
    }
}
