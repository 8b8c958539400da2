package io.colimaservices.platform;

import io.colimaservices.domain.ClipboardGuard;
import io.colimaservices.domain.UserError;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Starts {@link ClipboardClearer} as its own process with this JVM's class path, hands it the digest on stdin,
 * and lets it run on after the CLI exits (a child of a JVM is not killed when the JVM ends).
 */
public final class DetachedClearer {
    private DetachedClearer() {
    }

    public static void start(ClipboardGuard.Pending pending, Map<String, String> environment) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (!Files.isExecutable(java)) {
            throw new UserError(UserError.Kind.OTHER, "cannot start the clipboard clearer: no " + java,
                    "clear the clipboard yourself");
        }
        ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(), "-Xmx32m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), ClipboardClearer.class.getName(),
                Long.toString(pending.deadline().toEpochMilli())));
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            Process process = builder.start();
            try (OutputStream in = process.getOutputStream()) {
                in.write((pending.sha256Hex() + "\n").getBytes(StandardCharsets.US_ASCII));
            }
        } catch (IOException e) {
            throw new UserError(UserError.Kind.OTHER, "cannot start the clipboard clearer: " + e.getMessage(),
                    "clear the clipboard yourself");
        }
    }
}
