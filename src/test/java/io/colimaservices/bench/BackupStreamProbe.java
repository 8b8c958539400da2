package io.colimaservices.bench;

import io.colimaservices.backup.JsonManifestFormat;
import io.colimaservices.backup.OpenPgpZstdCodec;
import io.colimaservices.catalog.ComposeCatalogLoader;
import io.colimaservices.docker.DockerBackupEngine;
import io.colimaservices.docker.DockerExec;
import io.colimaservices.docker.DockerHost;
import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.MemorySecretStore;
import io.colimaservices.domain.backup.BackupHooks;
import io.colimaservices.domain.backup.BackupKeys;
import io.colimaservices.domain.backup.BackupResult;
import io.colimaservices.domain.backup.BackupTools;
import io.colimaservices.domain.backup.Backups;
import io.colimaservices.domain.backup.Cancellation;
import io.colimaservices.domain.backup.ServiceControl;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The app's side of {@link BackupBenchmarks}, in a JVM of its own with the packaged app's options: one backup of a
 * service through the real use case ({@code Backups.backup}: exec, codec, file, checksum, manifest, rename).
 * {@code COMPOSE_FILE PROJECT SERVICE DIR zstd|none encrypt|plain}. Prints {@code stream_s=... bytes=... file_bytes=...
 * hwm_kib=...}.
 */
public final class BackupStreamProbe {
    private BackupStreamProbe() {
    }

    public static void main(String[] args) throws Exception {
        Catalog catalog = new ComposeCatalogLoader(Map.of()).load(Path.of(args[0]));
        String host = System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock");
        DockerHost docker = new DockerHost(URI.create(host), "benchmark");
        try (DockerExec exec = new DockerExec(docker); DockerBackupEngine engine = new DockerBackupEngine(docker)) {
            ServiceControl none = new ServiceControl() {
                @Override
                public void stop(List<String> services) {
                    throw new IllegalStateException("not used by a dump");
                }

                @Override
                public void start(List<String> services) {
                    throw new IllegalStateException("not used by a dump");
                }
            };
            BackupTools tools = new BackupTools(() -> catalog, args[1], exec, engine, none,
                    new OpenPgpZstdCodec(args[4].equals("zstd")), new JsonManifestFormat(),
                    new BackupKeys(new MemorySecretStore()), BackupHooks.NONE, Clock.systemUTC(), "bench",
                    Duration.ofMinutes(1));
            long start = System.nanoTime();
            BackupResult result = new Backups(tools, Path.of(args[3])).backup(List.of(args[2]), Optional.empty(),
                    args[5].equals("encrypt"), e -> { }, new Cancellation());
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("stream_s=%.3f bytes=%d file_bytes=%d hwm_kib=%d folder=%s%n", seconds,
                    result.manifest().services().getFirst().streamBytes(), result.manifest().totalFileBytes(),
                    ExecStreamProbe.peakRssKib(), result.folder());
        }
        System.exit(0);
    }
}
