package io.colimaservices.docker;

import io.colimaservices.domain.SetupTools;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The docker CLI and the compose CLI as the setup checklist looks for them: the docker CLI on the environment's
 * PATH or where Homebrew puts it (a Mac app does not get the shell's PATH), the compose CLI as the app itself finds
 * it ({@link ComposeCli#detect()}).
 */
public final class DockerTools implements SetupTools {
    static final List<Path> HOMEBREW = List.of(Path.of("/opt/homebrew/bin"), Path.of("/usr/local/bin"));

    private final Map<String, String> environment;

    public DockerTools(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Optional<String> dockerCli() {
        List<Path> dirs = new ArrayList<>();
        for (String dir : environment.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                dirs.add(Path.of(dir));
            }
        }
        dirs.addAll(HOMEBREW);
        return dirs.stream().map(d -> d.resolve("docker"))
                .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst().map(Path::toString);
    }

    @Override
    public Optional<String> composeCli() {
        ComposeCli.Cli cli = ComposeCli.detect();
        return cli.command().isEmpty() ? Optional.empty() : Optional.of(cli.version().strip());
    }
}
