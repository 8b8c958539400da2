package io.colimaservices.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Docker daemon of the test's own, for tests that stop and start one (a reboot): its own socket, data root, exec
 * root, pid file and (empty) configuration file, no bridge and no iptables, so it shares nothing with the machine's
 * engine, which is never touched. Needs root and {@code dockerd}; skipped elsewhere unless {@code CI=true}, where it
 * fails. The test image is copied into it from the machine's engine ({@code docker save | docker load}).
 */
public final class OwnDockerDaemon implements AutoCloseable {
    private static final Duration READY_DEADLINE = Duration.ofSeconds(60);
    private final Path dir;
    private final Path socket;
    private Process process;
    private int starts;

    private OwnDockerDaemon(Path dir) {
        this.dir = dir;
        this.socket = dir.resolve("docker.sock");
    }

    /** Starts a daemon and loads the test image into it. */
    public static OwnDockerDaemon start() {
        TestDocker.require();
        boolean root = "0".equals(Processes.run(null, 10, "id", "-u").output().strip());
        boolean dockerd = Processes.run(null, 10, "sh", "-c", "command -v dockerd").exitCode() == 0;
        if (!root || !dockerd) {
            String reason = "a Docker daemon of its own needs root and dockerd (root: " + root + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(reason + " (CI=true)");
            }
            Assumptions.abort(reason);
        }
        try {
            // Short: containerd's socket path under the exec root must fit a unix socket address (108 bytes).
            Path dir = Files.createTempDirectory(Path.of("/tmp"), "csd");
            Files.writeString(dir.resolve("daemon.json"), "{}\n");
            OwnDockerDaemon daemon = new OwnDockerDaemon(dir);
            daemon.startAgain();
            Processes.run(null, 180, "sh", "-c", "docker save " + TestDocker.IMAGE + " | docker -H "
                    + daemon.host() + " load").orFail("loading the test image into the test's daemon");
            return daemon;
        } catch (IOException e) {
            throw new AssertionError("cannot prepare a Docker daemon", e);
        }
    }

    /** {@code unix:///tmp/csd.../docker.sock}: for DOCKER_HOST and --docker-host. */
    public String host() {
        return "unix://" + socket;
    }

    /** The environment a docker or compose CLI needs to talk to this daemon. */
    public Map<String, String> environment() {
        return Map.of("DOCKER_HOST", host());
    }

    /** Runs the docker CLI against this daemon. */
    public Processes.Result docker(String... args) {
        List<String> command = new ArrayList<>(List.of("docker", "-H", host()));
        command.addAll(List.of(args));
        return Processes.run(null, 120, command.toArray(String[]::new));
    }

    /** Starts the daemon (again: a reboot's second half); returns once it answers. */
    public void startAgain() {
        try {
            starts++;
            List<String> command = List.of("dockerd", "--host", host(), "--data-root", dir.resolve("data").toString(),
                    "--exec-root", dir.resolve("exec").toString(), "--pidfile", dir.resolve("docker.pid").toString(),
                    "--config-file", dir.resolve("daemon.json").toString(), "--bridge=none", "--iptables=false",
                    "--ip6tables=false");
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("dockerd-" + starts + ".log").toFile()).start();
            long deadline = System.nanoTime() + READY_DEADLINE.toNanos();
            while (docker("version", "--format", "{{.Server.Version}}").exitCode() != 0) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("the test's dockerd did not start: " + log());
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot start dockerd", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Stops the daemon as a shutdown does (SIGTERM): it stops every container, and the tmpfs volumes go with it.
     * Returns once it has exited.
     */
    public void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("dockerd-" + starts + ".log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** Removes every container, stops the daemon, unmounts what it left mounted and deletes its directory. */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            Processes.Result ids = docker("ps", "-aq");
            if (ids.exitCode() == 0 && !ids.output().isBlank()) {
                List<String> rm = new ArrayList<>(List.of("rm", "-f", "-v"));
                rm.addAll(ids.output().strip().lines().toList());
                docker(rm.toArray(String[]::new));
            }
        }
        stop();
        // nsfs and overlay mounts left under the exec and data roots keep the directory busy.
        Processes.run(null, 30, "sh", "-c", "grep -o ' " + dir + "[^ ]*' /proc/mounts | sort -r | "
                + "xargs -r -n1 umount -l");
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp directory is harmless
        }
    }
}
