package io.colimaservices.platform;

import io.colimaservices.domain.UrlOpener;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The browser through the desktop's own opener: {@code open} on macOS, {@code xdg-open} elsewhere. JavaFX's
 * {@code HostServices.showDocument} says nothing when no browser opens; these tools' exit status does (a missing
 * opener, no handler for http).
 */
public final class DesktopBrowser implements UrlOpener {
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private final boolean macOs;
    private final Commands commands;

    public DesktopBrowser(boolean macOs, Commands commands) {
        this.macOs = macOs;
        this.commands = commands;
    }

    @Override
    public Outcome open(String url) {
        String tool = macOs ? "open" : "xdg-open";
        Optional<java.nio.file.Path> found = commands.find(tool);
        if (found.isEmpty()) {
            return new Outcome(false, "No browser opened: " + tool + " is not installed");
        }
        try {
            Commands.Result result = commands.run(List.of(found.get().toString(), url), null, DEADLINE, true);
            if (result.exitCode() != 0) {
                String why = result.stderr().strip().lines().findFirst().orElse("");
                return new Outcome(false, "No browser opened: " + tool + " exited " + result.exitCode()
                        + (why.isEmpty() ? "" : " (" + why + ")"));
            }
            return new Outcome(true, "");
        } catch (IOException e) {
            return new Outcome(false, "No browser opened: " + e.getMessage());
        }
    }
}
