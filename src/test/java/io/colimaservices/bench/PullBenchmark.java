package io.colimaservices.bench;

import io.colimaservices.docker.DockerHost;
import io.colimaservices.docker.ImagePuller;
import io.colimaservices.domain.ImageReference;
import io.colimaservices.domain.PullActions;
import io.colimaservices.domain.PullPlan;
import io.colimaservices.domain.PullPolicy;
import io.colimaservices.domain.PullProgress;
import io.colimaservices.domain.PullResult;
import io.colimaservices.domain.RegistryCredentials;
import io.colimaservices.testing.LoopbackRegistry;
import io.colimaservices.testing.Processes;
import io.colimaservices.testing.StandInImage;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 19's pull figures: a 200 MiB stand-in image (the test image's busybox layer plus four layers of 50 MiB of
 * random bytes) pulled from the loopback registry by the app's pull engine (in process: the Docker API with its
 * progress stream read and aggregated) and by {@code docker pull}, alternately, the image removed before each
 * pull. Prints figures; asserts nothing. Run: {@code scripts/bench-pull [ROUNDS]}.
 */
public final class PullBenchmark {
    private static final long LAYER = 50L << 20;
    private static final int LAYERS = 4;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        System.out.println("# Pull benchmark, " + java.time.Instant.now());
        System.out.println("machine: " + EngineBenchmarks.Machine.describe());
        Path dir = Files.createTempDirectory("cs-pull-bench");
        try (LoopbackRegistry registry = LoopbackRegistry.start(dir, Files.createDirectories(dir.resolve("s")))) {
            String name = registry.host() + "/cs-bench/big:1";
            long[] sizes = new long[LAYERS];
            java.util.Arrays.fill(sizes, LAYER);
            StandInImage.build(name, dir, 7, sizes);
            registry.push(name, "cs-bench/big:1");
            StandInImage.remove(name);
            List<Double> app = new ArrayList<>();
            List<Double> cli = new ArrayList<>();
            List<Double> appCpu = new ArrayList<>();
            List<Double> appTail = new ArrayList<>();
            List<Double> appEvents = new ArrayList<>();
            System.out.println("| round | app | docker pull |");
            System.out.println("|---|---|---|");
            for (int round = 1; round <= rounds; round++) {
                // Alternate which goes first, so neither always meets a warmer daemon.
                boolean appFirst = round % 2 == 1;
                double a = 0;
                double c = 0;
                for (int turn = 0; turn < 2; turn++) {
                    if ((turn == 0) == appFirst) {
                        double[] measured = appPull(name);
                        a = measured[0];
                        appCpu.add(measured[1]);
                        appTail.add(measured[2]);
                        appEvents.add(measured[3]);
                    } else {
                        c = cliPull(name);
                    }
                    StandInImage.remove(name);
                }
                app.add(a);
                cli.add(c);
                System.out.printf("| %d | %.2f s | %.2f s |%n", round, a, c);
            }
            double total = LAYER * LAYERS / 1e6;
            double appMedian = median(app);
            double cliMedian = median(cli);
            System.out.printf("%nmedian of %d: app %.2f s (%.0f MB/s), docker pull %.2f s (%.0f MB/s), "
                            + "ratio app/cli %.2f%napp, medians per pull: CPU of this JVM (all threads) %.2f s, "
                            + "%.0f engine messages, %.1f ms from the engine's last message to the result%n",
                    rounds, appMedian, total / appMedian, cliMedian, total / cliMedian, appMedian / cliMedian,
                    median(appCpu), median(appEvents), median(appTail) * 1000);
        } finally {
            Processes.run(null, 30, "rm", "-rf", dir.toString());
        }
        System.exit(0);
    }

    /** Seconds of wall time and of this JVM's CPU for one pull through the app's engine. */
    private static double[] appPull(String name) throws InterruptedException {
        AtomicLong events = new AtomicLong();
        AtomicLong lastMessage = new AtomicLong();
        try (PullActions actions = new PullActions(new ImagePuller(new DockerHost(
                URI.create("unix:///var/run/docker.sock"), "bench")), r -> RegistryCredentials.Lookup.none(),
                PullPolicy.DEFAULT)) {
            PullPlan plan = new PullPlan(List.of(new PullPlan.PlannedImage(ImageReference.parse(name),
                    List.of("big"))), List.of());
            long cpu0 = processCpu();
            long t0 = System.nanoTime();
            PullResult result = actions.pull(plan, p -> {
                if (p instanceof PullProgress.Progress) {
                    events.incrementAndGet();
                    lastMessage.set(System.nanoTime());
                }
            });
            long t1 = System.nanoTime();
            long cpu1 = processCpu();
            if (!result.succeeded()) {
                throw new IllegalStateException("app pull failed: " + result.failed());
            }
            return new double[] {(t1 - t0) / 1e9, (cpu1 - cpu0) / 1e9, (t1 - lastMessage.get()) / 1e9,
                    events.get()};
        }
    }

    private static double cliPull(String name) {
        long t0 = System.nanoTime();
        Processes.run(null, 600, "docker", "pull", "-q", name).orFail("docker pull");
        return (System.nanoTime() - t0) / 1e9;
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
