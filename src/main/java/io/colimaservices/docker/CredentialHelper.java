package io.colimaservices.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.colimaservices.domain.PullText;
import io.colimaservices.domain.RegistryLogin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Asks a docker credential helper ({@code docker-credential-osxkeychain}, {@code -desktop}, {@code -pass}, ...) for
 * a registry's login, by the helpers' protocol: {@code get} with the server address on stdin, a JSON answer
 * {@code {"ServerURL", "Username", "Secret"}} on stdout (user {@code <token>} means the secret is an identity
 * token), exit code 1 and {@code credentials not found in native keychain} when it has none. The answer holds a
 * secret: it is parsed here and never logged; only the first line of a failure's output is kept for the message.
 */
final class CredentialHelper {
    /** The helper protocol's user name for an identity token. */
    static final String TOKEN_USER = "<token>";
    private static final int MAX_OUTPUT = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path executable;
    private final Map<String, String> environment;
    private final Duration deadline;

    CredentialHelper(Path executable, Map<String, String> environment, Duration deadline) {
        this.executable = executable;
        this.environment = Map.copyOf(environment);
        this.deadline = deadline;
    }

    /**
     * What the helper answered.
     *
     * @param problem why there is no answer (the helper failed, timed out, or answered nonsense); empty when it
     *                simply holds no login for the server
     */
    record Answer(Optional<RegistryLogin> login, Optional<String> problem) {
    }

    Answer get(String serverAddress) {
        String name = executable.getFileName().toString();
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(List.of(executable.toString(), "get"));
            builder.environment().clear();
            builder.environment().putAll(environment);
            builder.redirectError(ProcessBuilder.Redirect.DISCARD);
            process = builder.start();
        } catch (IOException e) {
            return new Answer(Optional.empty(), Optional.of(name + " cannot be run: " + e.getMessage()));
        }
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(serverAddress.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // It exited without reading: its exit code and output say why.
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = Thread.ofVirtual().name("credential-helper").start(() -> drain(process.getInputStream(), out));
        try {
            if (!process.waitFor(deadline.toNanos(), TimeUnit.NANOSECONDS)) {
                killTree(process);
                return new Answer(Optional.empty(), Optional.of(name + " gave no answer within "
                        + PullText.duration(deadline) + " and was stopped"));
            }
            reader.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            return new Answer(Optional.empty(), Optional.of("interrupted while " + name + " ran"));
        }
        byte[] output;
        synchronized (out) {
            output = out.toByteArray();
        }
        if (process.exitValue() != 0) {
            String said = firstLine(new String(output, StandardCharsets.UTF_8));
            if (said.toLowerCase(java.util.Locale.ROOT).contains("credentials not found")) {
                return new Answer(Optional.empty(), Optional.empty());
            }
            return new Answer(Optional.empty(), Optional.of(name + " failed (exit " + process.exitValue() + ")"
                    + (said.isEmpty() ? "" : ": " + said)));
        }
        return parse(name, serverAddress, output);
    }

    private static Answer parse(String name, String serverAddress, byte[] output) {
        try {
            JsonNode answer = JSON.readTree(output);
            String user = answer == null ? "" : answer.path("Username").asText("");
            String secret = answer == null ? "" : answer.path("Secret").asText("");
            if (secret.isEmpty()) {
                return new Answer(Optional.empty(), Optional.of(name + " answered without a secret"));
            }
            RegistryLogin login = TOKEN_USER.equals(user)
                    ? new RegistryLogin(serverAddress, "", "", secret)
                    : new RegistryLogin(serverAddress, user, secret, "");
            return new Answer(Optional.of(login), Optional.empty());
        } catch (IOException e) {
            // Jackson's message quotes the text it choked on, which may be the secret: say only that it is not JSON.
            return new Answer(Optional.empty(), Optional.of(name + " answered something that is not JSON"));
        }
    }

    private static void drain(InputStream stream, ByteArrayOutputStream target) {
        byte[] buffer = new byte[8192];
        try (stream) {
            int n;
            while ((n = stream.read(buffer)) >= 0) {
                synchronized (target) {
                    if (target.size() < MAX_OUTPUT) {
                        target.write(buffer, 0, Math.min(n, MAX_OUTPUT - target.size()));
                    }
                }
            }
        } catch (IOException ignored) {
            // the helper was stopped
        }
    }

    /** The helper and whatever it started (a keychain prompt's process): listed while the helper still lives. */
    private static void killTree(Process process) {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("").strip();
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
