package io.colimaservices.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a second launch asks of the running app ({@link SingleInstance}), and the running app's answer: its window
 * comes forward; a compose file given on the second launch's command line is used at once (as "Choose compose
 * file..." does); Docker host and Vault address options are not switched under a running app (Preferences does that),
 * and the answer says so.
 */
final class SecondLaunch {
    static final String SHOW = "show";
    private static final String COMPOSE_FILE = "compose-file=";
    private static final String DOCKER_HOST = "docker-host=";
    private static final String VAULT_ADDR = "vault-addr=";

    private SecondLaunch() {
    }

    /** The request lines for these launch options. */
    static List<String> request(LaunchOptions options) {
        List<String> lines = new ArrayList<>(List.of(SHOW));
        options.composeFile().ifPresent(f -> lines.add(COMPOSE_FILE + f.toAbsolutePath().normalize()));
        options.dockerHost().ifPresent(h -> lines.add(DOCKER_HOST + h));
        if (!options.vaultAddress().equals(LaunchOptions.DEFAULT_VAULT_ADDRESS)) {
            lines.add(VAULT_ADDR + options.vaultAddress());
        }
        return lines;
    }

    /**
     * Acts on a request (on the caller's thread: both actions must hand their work to the FX thread) and returns the
     * line the second launch prints.
     */
    static String answer(List<String> request, Runnable showWindow, Consumer<Path> useComposeFile) {
        Optional<Path> compose = Optional.empty();
        List<String> notApplied = new ArrayList<>();
        for (String line : request) {
            if (line.startsWith(COMPOSE_FILE)) {
                compose = Optional.of(Path.of(line.substring(COMPOSE_FILE.length())));
            } else if (line.startsWith(DOCKER_HOST)) {
                notApplied.add("--docker-host");
            } else if (line.startsWith(VAULT_ADDR)) {
                notApplied.add("--vault-addr");
            }
        }
        showWindow.run();
        compose.ifPresent(useComposeFile);
        return "Colima Services is already running: its window is in front"
                + compose.map(f -> "; it reads " + f + " (its dashboard says how that went)").orElse("")
                + (notApplied.isEmpty() ? "" : "; " + String.join(" and ", notApplied)
                + " not applied to the running app (set them in its Preferences)");
    }
}
