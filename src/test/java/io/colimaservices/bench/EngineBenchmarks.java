package io.colimaservices.bench;

import io.colimaservices.domain.ContainerEvent;
import io.colimaservices.domain.LogBuffer;
import io.colimaservices.domain.LogLine;
import io.colimaservices.domain.LogRequest;
import io.colimaservices.domain.LogSession;
import io.colimaservices.testing.ComposeProject;
import io.colimaservices.testing.LiveStack;
import io.colimaservices.testing.Processes;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Issue 3's benchmarks on the real engine: log ingest against the docker CLI, event latency, idle cost. Prints
 * figures; asserts nothing. Run: {@code scripts/bench-engine} (see docs/benchmarks.md).
 */
public final class EngineBenchmarks {
    private static final int FLOOD_LINES = 2_000_000;

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "all";
        System.out.println("# Engine benchmarks, " + java.time.Instant.now());
        System.out.println("machine: " + Machine.describe());
        if (which.equals("all") || which.equals("logs")) {
            logIngest();
        }
        if (which.equals("all") || which.equals("events")) {
            eventLatency();
        }
        if (which.equals("all") || which.equals("idle")) {
            idle();
        }
        System.exit(0);
    }

    /** A container prints 2 million numbered lines as fast as it can; the app and the docker CLI read them all. */
    static void logIngest() throws Exception {
        String compose = """
                services:
                  flood:
                    image: ${IMAGE}
                    network_mode: host
                    restart: "no"
                    command: ["sh", "-c", "seq 1 %d"]
                """.formatted(FLOOD_LINES);
        try (ComposeProject project = ComposeProject.create(compose);
             LiveStack live = new LiveStack(project, Optional.empty())) {
            // Live: the container starts flooding, then both follow it from its first line while it writes.
            project.up("flood");
            live.watcher.relistNow();
            String id = project.containerId("flood");
            long start = System.nanoTime();
            Process cli = new ProcessBuilder("docker", "logs", "-f", id).redirectErrorStream(true).start();
            long[] cliResult = new long[2];
            Thread cliReader = Thread.ofVirtual().start(() -> cliResult[0] = countLines(cli.getInputStream(), cliResult));
            Verifier liveCheck = new Verifier();
            long appNanos;
            try (LogSession app = new LogSession(live.context.engine(), s -> Optional.of(id), List.of("flood"),
                    new LogRequest(true, FLOOD_LINES + 10, Optional.empty()), LogBuffer.DEFAULT_CAPACITY).start()) {
                appNanos = liveCheck.consume(app, start);
            }
            cliReader.join(Duration.ofMinutes(5));
            cli.destroy();
            report("live follow, app and docker logs -f side by side while the container writes", liveCheck,
                    appNanos, cliResult[0], cliResult[1] - start);

            // Bulk: the whole log of the finished container, read back as fast as each can, alternating three
            // times (the daemon is the bottleneck and shares the two cores with both readers).
            List<Double> untimedRates = new ArrayList<>();
            List<Double> timedRates = new ArrayList<>();
            List<Double> cliRates = new ArrayList<>();
            List<Double> cliTimestampRates = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                double untimed = bulk(live, id, LogRequest.untimed(FLOOD_LINES + 10, Optional.empty()),
                        "app, one service without timestamps");
                long[] plain = cliRead(id, false);
                double timed = bulk(live, id, new LogRequest(false, FLOOD_LINES + 10, Optional.empty()),
                        "app, with timestamps (as for merging or resuming)");
                long[] stamped = cliRead(id, true);
                untimedRates.add(untimed);
                timedRates.add(timed);
                cliRates.add(plain[0] / (plain[1] / 1e9));
                cliTimestampRates.add(stamped[0] / (stamped[1] / 1e9));
                System.out.printf("  round %d: docker logs -f %,.0f lines/s, docker logs -f -t %,.0f lines/s%n",
                        round + 1, cliRates.getLast(), cliTimestampRates.getLast());
            }
            for (List<Double> rates : List.of(untimedRates, timedRates, cliRates, cliTimestampRates)) {
                Collections.sort(rates);
            }
            System.out.printf("%nlog ingest, bulk read of the finished log, medians of 3 rounds (alternating):%n");
            System.out.printf("  app without timestamps %,.0f lines/s vs docker logs -f %,.0f lines/s: %.2fx%n",
                    untimedRates.get(1), cliRates.get(1), untimedRates.get(1) / cliRates.get(1));
            System.out.printf("  app with timestamps    %,.0f lines/s vs docker logs -f -t %,.0f lines/s: %.2fx%n",
                    timedRates.get(1), cliTimestampRates.get(1), timedRates.get(1) / cliTimestampRates.get(1));
        }
    }

    /** Reads the whole log through the app's pipeline, verifying every line; returns lines per second. */
    private static double bulk(LiveStack live, String id, LogRequest request, String label)
            throws InterruptedException {
        Verifier check = new Verifier();
        long t0 = System.nanoTime();
        long nanos;
        try (LogSession session = new LogSession(live.context.engine(), s -> Optional.of(id), List.of("flood"),
                request, LogBuffer.DEFAULT_CAPACITY).start()) {
            nanos = check.consume(session, t0);
        }
        System.out.printf("  %s: %,d lines in %.2f s = %,.0f lines/s (lost %d, wrong %d, skipped %d)%n", label,
                check.count, nanos / 1e9, check.count / (nanos / 1e9), FLOOD_LINES - check.count, check.mismatches,
                check.dropped);
        return check.count / (nanos / 1e9);
    }

    /** Reads the whole log with the docker CLI: lines and nanoseconds. */
    private static long[] cliRead(String id, boolean timestamps) throws IOException {
        long t = System.nanoTime();
        List<String> command = new ArrayList<>(List.of("docker", "logs", "-f"));
        if (timestamps) {
            command.add("-t");
        }
        command.add(id);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        long[] result = new long[2];
        result[0] = countLines(p.getInputStream(), result);
        return new long[] {result[0], result[1] - t};
    }

    private static long countLines(InputStream in, long[] result) {
        byte[] buffer = new byte[1 << 16];
        long lines = 0;
        try (in) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                if (lines >= FLOOD_LINES && result[1] == 0) {
                    result[1] = System.nanoTime();
                }
            }
        } catch (IOException ignored) {
            // the process was stopped
        }
        if (result[1] == 0) {
            result[1] = System.nanoTime();
        }
        return lines;
    }

    /**
     * Drains a session the way a viewer would (every few milliseconds, keeping nothing), checking that line n says
     * n: lost, duplicated or corrupted lines all show as a mismatch.
     */
    private static final class Verifier {
        long count;
        long mismatches;
        long dropped;

        /** Reads until every line arrived (or five minutes); returns the nanoseconds from {@code start}. */
        long consume(LogSession session, long start) throws InterruptedException {
            long deadline = start + TimeUnit.MINUTES.toNanos(5);
            while (count < FLOOD_LINES && System.nanoTime() < deadline) {
                LogSession.Drain drain = session.drain(LogBuffer.DEFAULT_CAPACITY);
                dropped += drain.dropped();
                for (LogLine line : drain.lines()) {
                    count++;
                    if (!line.text().equals(Long.toString(count))) {
                        mismatches++;
                    }
                }
                if (drain.lines().isEmpty()) {
                    Thread.sleep(2);
                }
            }
            return System.nanoTime() - start;
        }
    }

    private static void report(String title, Verifier app, long appNanos, long cliLines, long cliNanos) {
        double appRate = app.count / (appNanos / 1e9);
        double cliRate = cliLines / (cliNanos / 1e9);
        System.out.printf("%nlog ingest, %s%n", title);
        System.out.printf("  app:         %,d lines in %.2f s = %,.0f lines/s (lost %d, wrong %d, skipped by a lapped "
                + "reader %d)%n", app.count, appNanos / 1e9, appRate, FLOOD_LINES - app.count, app.mismatches,
                app.dropped);
        System.out.printf("  docker logs: %,d lines in %.2f s = %,.0f lines/s%n", cliLines, cliNanos / 1e9, cliRate);
        System.out.printf("  ratio app / CLI: %.2fx%n", appRate / cliRate);
    }

    /** 100 start/stop cycles: from the event's timeNano to the snapshot applied. */
    static void eventLatency() throws Exception {
        String compose = """
                services:
                  blinker:
                    image: ${IMAGE}
                    network_mode: host
                    restart: "no"
                    command: ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"]
                """;
        try (ComposeProject project = ComposeProject.create(compose);
             LiveStack live = new LiveStack(project, Optional.empty())) {
            project.up("blinker");
            live.watcher.relistNow();
            String id = project.containerId("blinker");
            List<Long> latencies = new CopyOnWriteArrayList<>();
            live.watcher.onEventApplied((ContainerEvent e) -> {
                java.time.Instant now = java.time.Instant.now();
                long nowNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
                latencies.add(nowNanos - e.timeNano());
            });
            for (int i = 0; i < 100; i++) {
                live.context.engine().stop(id, Duration.ofSeconds(2));
                live.context.engine().start(id);
            }
            Thread.sleep(1_000);
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf("%nevent latency (timeNano to snapshot applied), %d events from 100 stop/start cycles%n",
                    sorted.size());
            System.out.printf("  p50 %.2f ms, p95 %.2f ms, max %.2f ms%n", percentile(sorted, 50) / 1e6,
                    percentile(sorted, 95) / 1e6, sorted.getLast() / 1e6);
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }

    /** 20 running containers, nothing changing: the watcher's CPU over 60 s and its thread count. */
    static void idle() throws Exception {
        StringBuilder compose = new StringBuilder("services:\n");
        for (int i = 1; i <= 20; i++) {
            compose.append("""
                      idle%d:
                        image: ${IMAGE}
                        network_mode: host
                        command: ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 5; done"]
                        healthcheck: {test: ["CMD", "true"], interval: 30s}
                    """.formatted(i));
        }
        try (ComposeProject project = ComposeProject.create(compose.toString());
             LiveStack live = new LiveStack(project, Optional.empty())) {
            String[] names = new String[20];
            for (int i = 0; i < 20; i++) {
                names[i] = "idle" + (i + 1);
            }
            project.up(names);
            live.watcher.relistNow();
            Thread.sleep(5_000);
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
            long cpuBefore = os.getProcessCpuTime();
            long wallBefore = System.nanoTime();
            Thread.sleep(60_000);
            long cpu = os.getProcessCpuTime() - cpuBefore;
            long wall = System.nanoTime() - wallBefore;
            int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
            System.out.printf("%nidle, 20 running containers (health checks every 30 s), watcher following events%n");
            System.out.printf("  CPU over %.0f s: %.3f s = %.2f %% of one core%n", wall / 1e9, cpu / 1e9,
                    100.0 * cpu / wall);
            System.out.printf("  platform threads: %d before, %d after%n", threadsBefore, threadsAfter);
            System.out.printf("  services running in the snapshot: %d%n",
                    live.store.current().services().values().stream().filter(s -> s.isRunning()).count());
        }
    }

    /** What the figures ran on. */
    static final class Machine {
        static String describe() {
            String cpu = Processes.run(null, 5, "sh", "-c",
                    "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").output().strip();
            String docker = Processes.run(null, 10, "docker", "version", "--format", "{{.Server.Version}}")
                    .output().strip();
            return System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
                    + Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), Java "
                    + System.getProperty("java.version") + ", Docker " + docker;
        }
    }
}
