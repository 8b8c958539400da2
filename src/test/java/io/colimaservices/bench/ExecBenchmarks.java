package io.colimaservices.bench;

import io.colimaservices.testing.ComposeProject;
import io.colimaservices.testing.Processes;
import io.colimaservices.testing.Sleepers;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The exec streaming path (issue 17's foundation, {@code ExecPipe}) against {@code docker exec ... > file} in the
 * same run: 1 GiB out of a container into a file and 1 GiB from a file into a container, rounds interleaved, medians;
 * the peak RSS of each process (GNU time's maximum resident set), the app's side in a JVM of its own with the
 * packaged app's options; and the app's peak RSS for 64 MiB against 1 GiB (flat memory). Prints figures, asserts
 * nothing. Run: {@code scripts/bench-exec [ROUNDS]} (see docs/benchmarks.md).
 */
public final class ExecBenchmarks {
    private static final long MIB = 1L << 20;
    /** The packaged app's JVM options (packaging/lib.sh). */
    private static final List<String> APP_JVM = List.of("--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC",
            "-Xms32m", "-XX:+UseCompactObjectHeaders", "-XX:-UsePerfData", "-XX:TieredStopAtLevel=1");

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        System.out.println("# Exec streaming benchmark, " + java.time.Instant.now());
        System.out.println("machine: " + EngineBenchmarks.Machine.describe());
        try (ComposeProject project = Sleepers.project(Sleepers.service("box"))) {
            String box = project.containerId("box");
            Processes.run(null, 30, "docker", "exec", box, "sh", "-c",
                    "busybox head -c 1048576 /dev/urandom > /tmp/block").orFail("block");
            Path dir = Files.createTempDirectory("cs-bench-exec");
            Path file = dir.resolve("stream.bin");
            Map<String, List<double[]>> runs = new LinkedHashMap<>();
            for (int round = 1; round <= rounds; round++) {
                // Alternate which side goes first, so neither always runs on a warmer cache.
                boolean appFirst = round % 2 == 0;
                for (String side : appFirst ? List.of("app", "docker") : List.of("docker", "app")) {
                    runs.computeIfAbsent(side + " out 1 GiB", k -> new ArrayList<>())
                            .add(out(side, box, 1024, file));
                }
                for (String side : appFirst ? List.of("app", "docker") : List.of("docker", "app")) {
                    runs.computeIfAbsent(side + " in 1 GiB", k -> new ArrayList<>()).add(in(side, box, file));
                }
                runs.computeIfAbsent("app out 64 MiB", k -> new ArrayList<>()).add(out("app", box, 64, file));
                System.out.println("round " + round + " done");
            }
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
            System.out.println();
            System.out.println("| run | median wall | throughput | app's own stream time | peak RSS (median) |");
            System.out.println("|---|---|---|---|---|");
            for (Map.Entry<String, List<double[]>> run : runs.entrySet()) {
                double wall = median(run.getValue(), 0);
                double bytes = run.getValue().getFirst()[3];
                double stream = median(run.getValue(), 1);
                System.out.printf("| %s | %.2f s | %.0f MiB/s | %s | %.0f MiB |%n", run.getKey(), wall,
                        bytes / MIB / wall, stream > 0 ? String.format("%.2f s (%.0f MiB/s)", stream,
                                bytes / MIB / stream) : "-", median(run.getValue(), 2) / 1024);
            }
            System.out.println("rounds: " + rounds + " (interleaved; medians)");
        }
        System.exit(0);
    }

    /** {@code [wall s, in-JVM stream s or -1, max RSS KiB, bytes]}. */
    private static double[] out(String side, String box, int mib, Path file) throws Exception {
        String command = "i=0; while [ $i -lt " + mib + " ]; do cat /tmp/block; i=$((i+1)); done";
        double[] result = side.equals("docker")
                ? timed(List.of("docker", "exec", box, "sh", "-c", command), null, file)
                : timed(probe("out", box, command, file), null, null);
        long size = Files.size(file);
        if (size != mib * MIB) {
            throw new IllegalStateException(side + " wrote " + size + " bytes, not " + mib * MIB);
        }
        result[3] = size;
        return result;
    }

    private static double[] in(String side, String box, Path file) throws Exception {
        String command = "cat > /dev/null";
        double[] result = side.equals("docker")
                ? timed(List.of("docker", "exec", "-i", box, "sh", "-c", command), file, null)
                : timed(probe("in", box, command, file), null, null);
        result[3] = Files.size(file);
        return result;
    }

    private static List<String> probe(String mode, String box, String command, Path file) {
        List<String> java = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        java.addAll(APP_JVM);
        java.addAll(List.of("-cp", System.getProperty("java.class.path"), ExecStreamProbe.class.getName(), mode, box,
                command, file.toString()));
        return java;
    }

    /** Runs {@code command} under GNU time, stdin/stdout from/to files when given. */
    private static double[] timed(List<String> command, Path stdin, Path stdout) throws Exception {
        List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-f", "maxrss_kib=%M"));
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full);
        builder.redirectInput(stdin == null ? ProcessBuilder.Redirect.from(new File("/dev/null"))
                : ProcessBuilder.Redirect.from(stdin.toFile()));
        Path err = Files.createTempFile("cs-bench", ".err");
        Path out = stdout != null ? stdout : Files.createTempFile("cs-bench", ".out");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(command + " failed: " + Files.readString(err));
        }
        double wall = (System.nanoTime() - start) / 1e9;
        String errText = Files.readString(err, StandardCharsets.UTF_8);
        Files.delete(err);
        double stream = -1;
        if (stdout == null) {
            String printed = Files.readString(out);
            Files.delete(out);
            if (command.contains(ExecStreamProbe.class.getName())) {
                stream = field(printed, "stream_s");
            }
        }
        return new double[] {wall, stream, field(errText, "maxrss_kib"), 0};
    }

    static double field(String text, String name) throws IOException {
        for (String word : text.split("\\s+")) {
            if (word.startsWith(name + "=")) {
                return Double.parseDouble(word.substring(name.length() + 1));
            }
        }
        throw new IOException("no " + name + " in: " + text);
    }

    static double median(List<double[]> values, int index) {
        double[] sorted = values.stream().mapToDouble(v -> v[index]).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

}
