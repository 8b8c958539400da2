package io.colimaservices.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code /bin/launchctl}, run with a deadline. Verified only on a Mac. The domain target needs the user's uid;
 * the owner of the home directory is that user, which spares a native call or a {@code jdk.security.auth}
 * dependency.
 */
public final class ProcessLaunchctl implements Launchctl {
    static final Duration DEADLINE = Duration.ofSeconds(10);
    private final Path launchctl;
    private final Path home;

    public ProcessLaunchctl(Path home) {
        this(Path.of("/bin/launchctl"), home);
    }

    ProcessLaunchctl(Path launchctl, Path home) {
        this.launchctl = launchctl;
        this.home = home;
    }

    @Override
    public String enable(String label) {
        try {
            Object uid = Files.getAttribute(home, "unix:uid");
            List<String> command = List.of(launchctl.toString(), "enable", "gui/" + uid + "/" + label);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (!process.waitFor(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return String.join(" ", command) + " did not finish within " + DEADLINE.toSeconds() + "s; killed";
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.exitValue() == 0 ? "" : String.join(" ", command) + " failed (exit " + process.exitValue()
                    + "): " + output;
        } catch (IOException | UnsupportedOperationException e) {
            return "cannot run launchctl: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while running launchctl";
        }
    }
}
