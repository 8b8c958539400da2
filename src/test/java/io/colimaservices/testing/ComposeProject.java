package io.colimaservices.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A throwaway compose project on the real engine: a compose file in a temp directory, a unique project name,
 * and {@code down -v} at the end. Uses the compose CLI the machine has ({@code docker-compose} or
 * {@code docker compose}).
 */
public final class ComposeProject implements AutoCloseable {
    private final Path directory;
    private final Path file;
    private final String name;

    private ComposeProject(Path directory, Path file, String name) {
        this.directory = directory;
        this.file = file;
        this.name = name;
    }

    public static ComposeProject create(String composeYaml) {
        TestDocker.require();
        try {
            Path dir = Files.createTempDirectory("cs-compose");
            Path file = dir.resolve("docker-compose.yml");
            Files.writeString(file, composeYaml.replace("${IMAGE}", TestDocker.IMAGE));
            return new ComposeProject(dir, file, "csit-" + UUID.randomUUID().toString().substring(0, 8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path file() {
        return file;
    }

    public String name() {
        return name;
    }

    /** Creates and starts these services only (no dependencies). */
    public void up(String... services) {
        List<String> args = new ArrayList<>(List.of("up", "-d", "--no-deps"));
        args.addAll(List.of(services));
        compose(args).orFail("compose up " + String.join(" ", services));
    }

    public Processes.Result compose(List<String> args) {
        List<String> command = new ArrayList<>(composeCommand());
        command.addAll(List.of("-p", name, "-f", file.toString()));
        command.addAll(args);
        return Processes.run(directory, 180, command.toArray(String[]::new));
    }

    /** {@code docker-compose} when installed (Debian's package), else the {@code docker compose} plugin. */
    public static List<String> composeCommand() {
        if (Processes.run(null, 20, "docker-compose", "version").exitCode() == 0) {
            return List.of("docker-compose");
        }
        return List.of("docker", "compose");
    }

    /** The container id of a service's container. */
    public String containerId(String service) {
        Processes.Result ps = compose(List.of("ps", "-q", service)).orFail("compose ps");
        return ps.output().strip();
    }

    @Override
    public void close() {
        compose(List.of("down", "-v", "--remove-orphans", "-t", "1"));
        TestDocker.deleteQuietly(directory);
    }
}
