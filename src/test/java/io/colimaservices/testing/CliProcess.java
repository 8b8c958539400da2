package io.colimaservices.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged command line ({@code target/colima-services.jar}, built by {@code mvn package} before the
 * integration tests) run as a real process, as a user or a script runs it: its own stdin, stdout and stderr, its
 * exit code. HOME is a fresh temporary folder, so no real settings are read or written.
 */
public final class CliProcess {
    private CliProcess() {
    }

    public record Result(int exitCode, byte[] stdout, String stderr) {
        public String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    public static Path jar() {
        Path jar = Path.of(System.getProperty("project.basedir", "."), "target", "colima-services.jar");
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(jar + " is missing: run the integration tests with mvn verify (it packages first)");
        }
        return jar;
    }

    public static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** The command line that runs the CLI with {@code args}. */
    public static List<String> command(List<String> args) {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar().toString()));
        command.addAll(args);
        return command;
    }

    /** An environment for the CLI: a fresh HOME, the shared engine. */
    public static Map<String, String> environment(Path home) {
        return Map.of("HOME", home.toString(), "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"),
                "DOCKER_HOST", "unix:///var/run/docker.sock", "XDG_CONFIG_HOME", home.resolve(".config").toString(),
                "XDG_DATA_HOME", home.resolve(".local/share").toString(),
                "XDG_STATE_HOME", home.resolve(".local/state").toString());
    }

    public static Result run(List<String> args, byte[] stdin, int timeoutSeconds) {
        try {
            Path home = Files.createTempDirectory("cs-cli-home");
            Result result = runIn(home, args, stdin, timeoutSeconds);
            TestDocker.deleteQuietly(home);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the CLI with {@code home} as its HOME (kept: its settings and secret store carry over between runs). */
    public static Result runIn(Path home, List<String> args, byte[] stdin, int timeoutSeconds) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command(args));
            builder.environment().clear();
            builder.environment().putAll(environment(home));
            Process process = builder.start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread outReader = Thread.ofVirtual().start(() -> copy(process.getInputStream(), out));
            Thread errReader = Thread.ofVirtual().start(() -> copy(process.getErrorStream(), err));
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            } catch (IOException ignored) {
                // the command ended without reading all of its input: its exit code says what happened
            }
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("CLI " + args + " did not end within " + timeoutSeconds + " s; stderr: "
                        + err.toString(StandardCharsets.UTF_8));
            }
            outReader.join();
            errReader.join();
            return new Result(process.exitValue(), out.toByteArray(), err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static void copy(InputStream in, OutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException e) {
            // the process is gone
        }
    }
}
