package io.colimaservices.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs a command for a test, with a deadline, and returns its exit code and output. */
public final class Processes {
    private Processes() {
    }

    public record Result(int exitCode, String output) {
        public Result orFail(String what) {
            if (exitCode != 0) {
                throw new AssertionError(what + " failed with exit code " + exitCode + ":\n" + output);
            }
            return this;
        }
    }

    /**
     * Whether a process is running: alive and not a zombie. A killed orphan stays a zombie until init reaps it,
     * and some container inits never do; the JDK counts zombies as alive. Linux shows the state in /proc.
     */
    public static boolean isRunning(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (handle.isEmpty()) {
            return false;
        }
        Path stat = Path.of("/proc", String.valueOf(pid), "stat");
        try {
            String text = Files.readString(stat);
            // pid (comm) STATE ...: comm may hold spaces and parentheses, so read after the last ')'.
            String state = text.substring(text.lastIndexOf(')') + 1).strip();
            return !state.startsWith("Z") && !state.startsWith("X");
        } catch (IOException e) {
            return !Files.exists(Path.of("/proc/self")) && handle.get().isAlive();
        }
    }

    public static Result run(Path directory, int timeoutSeconds, String... command) {
        return run(directory, timeoutSeconds, null, command);
    }

    public static Result run(Path directory, int timeoutSeconds, byte[] stdin, String... command) {
        return run(directory, timeoutSeconds, java.util.Map.of(), stdin, command);
    }

    /** With {@code environment} added to this process's. */
    public static Result run(Path directory, int timeoutSeconds, java.util.Map<String, String> environment,
                             byte[] stdin, String... command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(List.of(command)).redirectErrorStream(true);
            builder.environment().putAll(environment);
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            Process process = builder.start();
            if (stdin != null) {
                process.getOutputStream().write(stdin);
            }
            process.getOutputStream().close();
            // Read on another thread so a chatty process cannot block on a full pipe.
            StringBuilder output = new StringBuilder();
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // the process was killed
                }
            });
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
            }
            reader.join(5_000);
            return new Result(process.exitValue(), output.toString());
        } catch (IOException e) {
            return new Result(127, String.join(" ", command) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
