package io.colimaservices.bench;

import io.colimaservices.docker.DockerExec;
import io.colimaservices.docker.DockerHost;
import io.colimaservices.domain.ExecPipe;

import java.io.BufferedOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The app's side of {@link ExecBenchmarks}, in a JVM of its own started with the packaged app's options, so its
 * peak RSS is the streaming path's and nothing else's. {@code out CONTAINER COMMAND FILE}: the command's stdout to
 * the file; {@code in CONTAINER COMMAND FILE}: the file to the command's stdin. Prints
 * {@code stream_s=... bytes=... hwm_kib=...}.
 */
public final class ExecStreamProbe {
    private ExecStreamProbe() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String container = args[1];
        String command = args[2];
        Path file = Path.of(args[3]);
        String host = System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock");
        try (DockerExec exec = new DockerExec(new DockerHost(URI.create(host), "benchmark"))) {
            ExecPipe pipe = new ExecPipe(exec);
            long start = System.nanoTime();
            ExecPipe.Result result;
            if (mode.equals("out")) {
                try (OutputStream out = new BufferedOutputStream(new FileOutputStream(file.toFile()), 1 << 16)) {
                    result = pipe.run(container, command, Optional.empty(), out);
                }
            } else {
                try (InputStream in = new FileInputStream(file.toFile())) {
                    result = pipe.run(container, command, Optional.of(in), OutputStream.nullOutputStream());
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!result.succeeded()) {
                System.err.println("failed: " + result.exitCode() + " " + result.stderr());
                System.exit(1);
            }
            long bytes = mode.equals("out") ? result.bytesOut() : result.bytesIn();
            System.out.printf("stream_s=%.3f bytes=%d hwm_kib=%d%n", seconds, bytes, peakRssKib());
        }
        System.exit(0);
    }

    /** VmHWM: the peak resident set of this process, from /proc (Linux). */
    static long peakRssKib() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
