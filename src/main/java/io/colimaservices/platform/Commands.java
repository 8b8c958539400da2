package io.colimaservices.platform;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the small helper tools the platform offers (secret-tool, pbcopy, xclip, ...) with a deadline. What goes in
 * on stdin and comes out on stdout may be a secret: it is returned to the caller, never logged, and never put on
 * a command line.
 */
public final class Commands {
    private final Map<String, String> environment;

    public record Result(int exitCode, byte[] stdout, String stderr) {
        public String stdoutText() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    /** @param environment the environment the tools run with (and whose PATH finds them) */
    public Commands(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public Map<String, String> environment() {
        return environment;
    }

    /** The executable named {@code name} on this environment's PATH. */
    public Optional<Path> find(String name) {
        String path = environment.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir).resolve(name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Runs {@code command}, feeding {@code stdin} (may be null), and waits at most {@code timeout}.
     *
     * @param captureOutput false for tools that leave a background process holding the clipboard (xclip,
     *                      wl-copy): their output goes nowhere, so we never wait on a pipe that process keeps open
     * @throws IOException when the tool cannot be started or does not finish in time (it is then killed)
     */
    public Result run(List<String> command, byte[] stdin, Duration timeout, boolean captureOutput)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(environment);
        if (!captureOutput) {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        }
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin);
            }
        } catch (IOException e) {
            // The tool exited without reading its input; its exit code tells what happened.
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread outReader = captureOutput ? drain(process.getInputStream(), out) : null;
        Thread errReader = captureOutput ? drain(process.getErrorStream(), err) : null;
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.getFirst() + " did not finish within " + timeout.toSeconds() + " s");
            }
            if (outReader != null) {
                outReader.join(timeout.toMillis());
                errReader.join(timeout.toMillis());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.getFirst(), e);
        }
        return new Result(process.exitValue(), out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    private static Thread drain(InputStream stream, ByteArrayOutputStream target) {
        return Thread.ofVirtual().start(() -> {
            try (stream) {
                stream.transferTo(target);
            } catch (IOException ignored) {
                // the process was killed
            }
        });
    }
}
