package io.colimaservices.colima;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Runs an external command with a deadline. Both output streams are read on virtual threads (so a chatty tool can
 * never block on a full pipe) and every line is handed on as it arrives. A command that outlives its deadline is
 * stopped with its whole process tree: SIGTERM to the tree, then SIGKILL to whatever is left after a grace period,
 * because killing only the parent leaves its children (a {@code sleep}, a {@code limactl}) running, holding the
 * pipes open.
 */
public final class ProcessRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessRunner.class);
    public static final Duration KILL_GRACE = Duration.ofSeconds(2);
    /** Colours and cursor moves: tools print them even into pipes sometimes, and they mean nothing in a log view. */
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]");

    private final Map<String, String> environment;
    private final Duration killGrace;

    /** @param environment the child's whole environment (not merged with this process's) */
    public ProcessRunner(Map<String, String> environment) {
        this(environment, KILL_GRACE);
    }

    public ProcessRunner(Map<String, String> environment, Duration killGrace) {
        this.environment = Map.copyOf(environment);
        this.killGrace = Objects.requireNonNull(killGrace);
    }

    /**
     * What a command did.
     *
     * @param exitCode the exit code, or -1 when it was killed at its deadline
     * @param timedOut it outlived its deadline and was killed with its process tree
     * @param killed how many processes were killed (the command and its descendants)
     */
    public record Outcome(List<String> command, int exitCode, List<String> stdout, List<String> stderr,
                          boolean timedOut, int killed) {
        public Outcome {
            command = List.copyOf(command);
            stdout = List.copyOf(stdout);
            stderr = List.copyOf(stderr);
        }

        public boolean succeeded() {
            return !timedOut && exitCode == 0;
        }

        public String stdoutText() {
            return String.join("\n", stdout);
        }

        /** The last non-blank line of stderr (where tools put their reason), else of stdout, else "". */
        public String lastMessage() {
            for (List<String> lines : List.of(stderr, stdout)) {
                for (int i = lines.size() - 1; i >= 0; i--) {
                    if (!lines.get(i).isBlank()) {
                        return lines.get(i).strip();
                    }
                }
            }
            return "";
        }
    }

    /**
     * Runs {@code command} to its end or its deadline. Standard input is closed at once, so a tool that prompts
     * reads end-of-file instead of waiting forever.
     *
     * @param onLine every line of either stream, as it arrives, colour codes removed; called by one thread at a time
     * @throws IOException when the command cannot be started at all
     * @throws InterruptedException when the caller is interrupted (the process tree is killed first)
     */
    public Outcome run(List<String> command, Duration deadline, Consumer<String> onLine)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        List<String> stdout = Collections.synchronizedList(new ArrayList<>());
        List<String> stderr = Collections.synchronizedList(new ArrayList<>());
        Object callbackLock = new Object();
        Thread outReader = pump(process.getInputStream(), stdout, onLine, callbackLock, "stdout");
        Thread errReader = pump(process.getErrorStream(), stderr, onLine, callbackLock, "stderr");
        boolean finished;
        try {
            finished = process.waitFor(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            killTree(process);
            throw e;
        }
        int killed = finished ? 0 : killTree(process);
        // Once the tree is gone the pipes close; a grandchild that escaped the tree could hold them, so bound it.
        outReader.join(killGrace.plusSeconds(1));
        errReader.join(killGrace.plusSeconds(1));
        return new Outcome(command, finished ? process.exitValue() : -1, snapshot(stdout), snapshot(stderr),
                !finished, killed);
    }

    /** Stops the process and every descendant; returns how many there were. */
    private int killTree(Process process) throws InterruptedException {
        // Descendants must be listed while the parent lives: once it dies they are re-parented and lost to us.
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.addFirst(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long until = System.nanoTime() + killGrace.toNanos();
        for (ProcessHandle handle : tree) {
            long left = until - System.nanoTime();
            if (left > 0) {
                try {
                    handle.onExit().get(left, TimeUnit.NANOSECONDS);
                } catch (ExecutionException | TimeoutException ignored) {
                    // still alive: killed below
                }
            }
        }
        for (ProcessHandle handle : tree) {
            if (handle.isAlive()) {
                handle.destroyForcibly();
            }
        }
        process.waitFor(killGrace.toNanos(), TimeUnit.NANOSECONDS);
        return tree.size();
    }

    private static Thread pump(InputStream stream, List<String> sink, Consumer<String> onLine, Object lock,
                               String name) {
        return Thread.ofVirtual().name("process-" + name).start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                // readLine splits on \r as well as \n, so a progress bar redrawn with \r arrives line by line.
                while ((line = reader.readLine()) != null) {
                    String clean = ANSI.matcher(line).replaceAll("");
                    sink.add(clean);
                    synchronized (lock) {
                        try {
                            onLine.accept(clean);
                        } catch (RuntimeException e) {
                            // A failing listener must not stop the reading: the pipe would fill and block the tool.
                            LOG.warn("progress listener failed on a line of {}", name, e);
                        }
                    }
                }
            } catch (IOException ignored) {
                // the stream closed because the process was killed: what was read is kept
            }
        });
    }

    private static List<String> snapshot(List<String> lines) {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }
}
