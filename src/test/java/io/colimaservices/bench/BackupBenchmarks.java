package io.colimaservices.bench;

import io.colimaservices.testing.BackupStandIns;
import io.colimaservices.testing.ComposeProject;
import io.colimaservices.testing.Processes;
import io.colimaservices.testing.TestDocker;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * A backup of a 1 GiB stream from a container (1,024 copies of one MiB of SQL-like text: INSERT lines with random
 * numbers and hex, about 2.5:1 for zstd) through the app's backup use case, against {@code docker exec ... > file}
 * in the same run, rounds interleaved (the order alternates), medians: plain, zstd, encrypted, zstd + encrypted.
 * Wall time, throughput, the file's size and the peak RSS of each process (GNU time), the app's side in a JVM of
 * its own with the packaged app's options. Prints figures, asserts nothing. Run: {@code scripts/bench-backup [ROUNDS]}.
 */
public final class BackupBenchmarks {
    private static final long MIB = 1L << 20;
    /** The packaged app's JVM options (packaging/lib.sh), C1 only among them. */
    private static final List<String> APP_JVM = List.of("--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC",
            "-Xms32m", "-XX:+UseCompactObjectHeaders", "-XX:-UsePerfData", "-XX:TieredStopAtLevel=1");
    /** The same without {@code -XX:TieredStopAtLevel=1}: C2 compiles the hot loops (AES, SHA, zstd's JNI calls). */
    private static final List<String> APP_JVM_C2 = APP_JVM.stream().filter(o -> !o.startsWith("-XX:TieredStopAtLevel"))
            .toList();
    private static final String STREAM = "i=0; while [ $i -lt 1024 ]; do cat /tmp/block; i=$((i+1)); done";
    private static final List<String> VARIANTS = List.of("plain", "zstd", "encrypted", "zstd + encrypted");

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<String> jits = List.of((args.length > 1 ? args[1] : "c1,c2").split(","));
        List<String> sides = new ArrayList<>(List.of("docker exec > file"));
        for (String jit : jits) {
            VARIANTS.forEach(v -> sides.add("app " + v + " (" + jit.toUpperCase(java.util.Locale.ROOT)
                    + (jit.equals("c1") ? ", the packaged options" : ", C1 + C2") + ")"));
        }
        System.out.println("# Backup streaming benchmark, " + java.time.Instant.now());
        System.out.println("machine: " + EngineBenchmarks.Machine.describe());
        BackupStandIns.ensureImage();
        try (ComposeProject project = ComposeProject.create("services:\n" + BackupStandIns.service("box", "boxdata",
                "/data", "io.colima-services.backup: \"" + STREAM.replace("$", "$$") + "\"", "io.colima-services.restore: \"cat >/dev/null\"")
                + "volumes:\n  boxdata:\n")) {
            project.up("box");
            String box = project.containerId("box");
            Processes.run(null, 60, sqlBlock(), "docker", "exec", "-i", box, "sh", "-c", "cat > /tmp/block")
                    .orFail("block");
            Path dir = Files.createTempDirectory("cs-bench-backup");
            Map<String, List<double[]>> runs = new LinkedHashMap<>();
            for (int round = 1; round <= rounds; round++) {
                List<String> order = new ArrayList<>(sides);
                if (round % 2 == 0) {
                    java.util.Collections.reverse(order);
                }
                for (String side : order) {
                    runs.computeIfAbsent(side, k -> new ArrayList<>()).add(run(side, project, box, dir));
                }
                System.out.println("round " + round + " done");
            }
            TestDocker.deleteQuietly(dir);
            System.out.println();
            System.out.println("| run (1 GiB stream) | median wall | throughput | vs docker exec | app's own time "
                    + "| file | peak RSS (median) |");
            System.out.println("|---|---|---|---|---|---|---|");
            double reference = ExecBenchmarks.median(runs.get(sides.getFirst()), 0);
            for (Map.Entry<String, List<double[]>> run : runs.entrySet()) {
                double wall = ExecBenchmarks.median(run.getValue(), 0);
                double own = ExecBenchmarks.median(run.getValue(), 3);
                System.out.printf("| %s | %.2f s | %.0f MiB/s | %+.0f %% | %s | %.0f MiB | %.0f MiB |%n", run.getKey(),
                        wall, 1024 / wall, (wall / reference - 1) * 100,
                        own > 0 ? String.format("%.2f s (%+.0f %%)", own, (own / reference - 1) * 100) : "-",
                        ExecBenchmarks.median(run.getValue(), 2) / MIB, ExecBenchmarks.median(run.getValue(), 1) / 1024);
            }
            System.out.println("rounds: " + rounds + " (interleaved, order alternating; medians)");
        }
        System.exit(0);
    }

    /** One MiB of INSERT lines: text that compresses the way a dump does, with random numbers and hex in it. */
    static byte[] sqlBlock() {
        Random random = new Random(17);
        StringBuilder text = new StringBuilder();
        String[] words = {"alice", "bob", "carol", "dave", "NULL", "true", "false", "pending", "shipped", "paid"};
        while (text.length() < MIB) {
            text.append("INSERT INTO orders VALUES (").append(random.nextInt(1_000_000_000)).append(", '")
                    .append(words[random.nextInt(words.length)]).append("', ").append(random.nextInt(100_000))
                    .append(", '").append(Long.toHexString(random.nextLong())).append(Long.toHexString(random.nextLong()))
                    .append("', '2026-0").append(1 + random.nextInt(9)).append("-1").append(random.nextInt(10))
                    .append("');\n");
        }
        return text.substring(0, (int) MIB).getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code [wall s, max RSS KiB, file bytes, the app's own time from the backup's start (no JVM start) or -1]}. */
    private static double[] run(String side, ComposeProject project, String box, Path dir) throws Exception {
        if (side.startsWith("docker")) {
            Path file = dir.resolve("docker.out");
            double[] result = timed(List.of("docker", "exec", box, "sh", "-c", STREAM), file);
            result[2] = Files.size(file);
            if (result[2] != 1024 * MIB) {
                throw new IllegalStateException("docker exec wrote " + result[2] + " bytes");
            }
            Files.delete(file);
            return result;
        }
        List<String> java = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        java.addAll(side.contains("(C2") ? APP_JVM_C2 : APP_JVM);
        java.addAll(List.of("-cp", System.getProperty("java.class.path"), BackupStreamProbe.class.getName(),
                project.file().toString(), project.name(), "box", dir.toString(),
                side.contains("zstd") ? "zstd" : "none", side.contains("encrypted") ? "encrypt" : "plain"));
        // (the variant's words decide: "zstd", "encrypted")
        Path out = dir.resolve("probe.out");
        double[] result = timed(java, out);
        String printed = Files.readString(out);
        if (ExecBenchmarks.field(printed, "bytes") != 1024 * MIB) {
            throw new IllegalStateException(side + " streamed " + ExecBenchmarks.field(printed, "bytes") + " bytes");
        }
        result[2] = ExecBenchmarks.field(printed, "file_bytes");
        result[3] = ExecBenchmarks.field(printed, "stream_s");
        TestDocker.deleteQuietly(Path.of(printed.substring(printed.indexOf("folder=") + 7).strip()));
        Files.delete(out);
        return result;
    }

    private static double[] timed(List<String> command, Path stdout) throws Exception {
        List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-f", "maxrss_kib=%M"));
        full.addAll(command);
        Path err = Files.createTempFile("cs-bench", ".err");
        ProcessBuilder builder = new ProcessBuilder(full).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(stdout.toFile()).redirectError(err.toFile());
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(command + " failed: " + Files.readString(err));
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double rss = ExecBenchmarks.field(Files.readString(err), "maxrss_kib");
        Files.delete(err);
        return new double[] {wall, rss, 0, -1};
    }


}
