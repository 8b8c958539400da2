package io.colimaservices.docker;

import io.colimaservices.domain.ServiceDefinition;
import io.colimaservices.domain.ServiceProvisioner;
import io.colimaservices.domain.UserError;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Creates and recreates containers through the compose CLI that is installed ({@code docker compose}, else
 * {@code docker-compose}), and asks it for the hash of each service's definition. It never starts anything: the app
 * starts containers itself, in dependency order. The CLI gets the same compose files, project and engine the app
 * uses. Tested with docker-compose 1.29; the arguments are the same for Compose v2.
 */
public final class ComposeCli implements ServiceProvisioner {
    /** Generous: the first start pulls images, which can take minutes on a slow line. */
    public static final Duration DEADLINE = Duration.ofMinutes(15);
    private static final int LAST_LINES = 8;

    private final Supplier<Cli> cli;
    private final List<Path> files;
    private final String project;
    private final List<String> profiles;
    private final Map<String, String> environment;
    private final Duration deadline;

    /**
     * The installed compose CLI: its command, and whether it is docker-compose 1.x (whose {@code create} makes no
     * network and no volume, and whose {@code up --no-start} waits for depends_on conditions it can never meet).
     */
    public record Cli(List<String> command, boolean v1) {
        public Cli {
            command = List.copyOf(command);
        }

        static final Cli NONE = new Cli(List.of(), false);
    }

    /**
     * @param profiles    every profile of the catalog, all enabled: compose then knows every service (v2 knows a
     *                    service of an inactive profile only when named; 1.29 refuses a dependency of one), and
     *                    still touches only the services it is given and their dependencies
     * @param environment added to the CLI's environment ({@code DOCKER_HOST}, the stack's runtime directory, ...)
     */
    public ComposeCli(Cli cli, List<Path> files, String project, Collection<String> profiles,
                      Map<String, String> environment, Duration deadline) {
        this(() -> cli, files, project, profiles, environment, deadline);
    }

    /**
     * The compose CLI that is installed, found when the first service is created: finding it runs one or two
     * processes ({@code docker-compose version} alone takes about 300 ms), which must not delay the app's start.
     */
    public static ComposeCli detectedOnFirstUse(List<Path> files, String project, Collection<String> profiles,
                                                Map<String, String> environment, Duration deadline) {
        return new ComposeCli(new FirstUse<>(ComposeCli::detect), files, project, profiles, environment, deadline);
    }

    /** Computes the value once, on the first call, on the calling thread. */
    private static final class FirstUse<T> implements Supplier<T> {
        private final Supplier<T> compute;
        private T value;

        FirstUse(Supplier<T> compute) {
            this.compute = compute;
        }

        @Override
        public synchronized T get() {
            if (value == null) {
                value = compute.get();
            }
            return value;
        }
    }

    private ComposeCli(Supplier<Cli> cli, List<Path> files, String project, Collection<String> profiles,
                       Map<String, String> environment, Duration deadline) {
        this.cli = cli;
        this.files = List.copyOf(files);
        this.project = project;
        this.profiles = profiles.stream().distinct().sorted().toList();
        this.environment = Map.copyOf(environment);
        this.deadline = deadline;
    }

    /**
     * {@code docker compose} when the plugin answers (always Compose v2), else {@code docker-compose} (1.x or v2,
     * which its version line tells); {@link Cli#NONE}'s empty command when neither answers.
     */
    public static Cli detect() {
        if (version(List.of("docker", "compose", "version")).isPresent()) {
            return new Cli(List.of("docker", "compose"), false);
        }
        return version(List.of("docker-compose", "version"))
                .map(line -> new Cli(List.of("docker-compose"), isV1(line))).orElse(Cli.NONE);
    }

    /** "docker-compose version 1.29.2, build unknown" is 1.x; "Docker Compose version v2.29.1" is not. */
    static boolean isV1(String versionOutput) {
        return versionOutput.matches("(?s).*version v?1\\.\\d.*");
    }

    /** The probe's output when it answers (exit 0 within 10 s). */
    private static Optional<String> version(List<String> probe) {
        try {
            Process p = new ProcessBuilder(probe).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readNBytes(4096);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 ? Optional.of(new String(out, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public void create(List<ServiceDefinition> services, Consumer<String> output) {
        if (services.isEmpty()) {
            return;
        }
        // Compose v2: one `create` makes the project's networks and volumes and every container named; with
        // --no-recreate it leaves existing ones alone. docker-compose 1.29's `create` makes no network and no
        // volume (Docker would then make plain on-disk volumes where tmpfs ones are declared), and its
        // `up --no-start` waits for the depends_on conditions among the services it is given, which never hold for
        // containers it does not start: so 1.29 gets `up --no-start --no-deps` for the first service (networks,
        // volumes and that container), then one `create` for the rest. Two invocations at most, however many.
        Cli installed = installed(services);
        List<ServiceDefinition> rest = services;
        if (installed.v1()) {
            ServiceDefinition first = services.getFirst();
            List<String> args = base(installed);
            args.addAll(List.of("up", "--no-start", "--no-deps", first.name()));
            run("create " + first.name(), args, output);
            rest = services.subList(1, services.size());
        }
        if (!rest.isEmpty()) {
            List<String> args = base(installed);
            args.addAll(List.of("create", "--no-recreate"));
            rest.forEach(s -> args.add(s.name()));
            run("create " + names(rest), args, output);
        }
    }

    @Override
    public void recreate(ServiceDefinition service, Consumer<String> output) {
        // One service per invocation with --no-deps: nothing but this container is replaced (1.29's create would
        // take the dependencies along, and --force-recreate would then replace them too).
        List<String> args = base(installed(List.of(service)));
        args.addAll(List.of("up", "--no-start", "--no-deps", "--force-recreate", service.name()));
        run("recreate " + service.name(), args, output);
    }

    @Override
    public Map<String, String> definitionHashes(List<ServiceDefinition> services) {
        if (services.isEmpty()) {
            return Map.of();
        }
        // Both 1.29 and v2 print "<service> <hash>" per line (v2 sorted by name).
        List<String> args = base(installed(services));
        args.addAll(List.of("config", "--hash=" + names(services).replace(", ", ",")));
        List<String> lines = new ArrayList<>();
        run("hash " + names(services), args, lines::add);
        return parseHashes(lines);
    }

    /** {@code <service> <hash>} lines; other lines (warnings) are skipped. */
    static Map<String, String> parseHashes(List<String> lines) {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String line : lines) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length == 2 && parts[1].matches("[0-9a-f]{32,128}")) {
                hashes.put(parts[0], parts[1]);
            }
        }
        return hashes;
    }

    private Cli installed(List<ServiceDefinition> services) {
        Cli installed = cli.get();
        if (installed.command().isEmpty()) {
            throw new UserError(UserError.Kind.CONFIGURATION, "cannot make the containers of " + names(services)
                    + ": no compose CLI found (docker compose or docker-compose)",
                    "install it: brew install docker-compose");
        }
        return installed;
    }

    /** The CLI with the app's project, files and every profile. */
    private List<String> base(Cli installed) {
        List<String> args = new ArrayList<>(installed.command());
        args.addAll(List.of("--project-name", project));
        files.forEach(f -> args.addAll(List.of("--file", f.toString())));
        profiles.forEach(p -> args.addAll(List.of("--profile", p)));
        return args;
    }

    private static String names(List<ServiceDefinition> services) {
        return String.join(", ", services.stream().map(ServiceDefinition::name).toList());
    }

    private void run(String what, List<String> args, Consumer<String> output) {
        Deque<String> last = new ArrayDeque<>();
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(args).redirectErrorStream(true);
            builder.environment().putAll(environment);
            if (!files.isEmpty()) {
                builder.directory(files.getFirst().getParent().toFile());
            }
            process = builder.start();
        } catch (IOException e) {
            throw new UserError(UserError.Kind.OTHER, "cannot run " + args.getFirst() + ": " + e.getMessage(), "", e);
        }
        Thread reader = Thread.ofVirtual().name("compose").start(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    String text = line.strip();
                    if (!text.isEmpty()) {
                        output.accept(text);
                        synchronized (last) {
                            last.addLast(text);
                            if (last.size() > LAST_LINES) {
                                last.removeFirst();
                            }
                        }
                    }
                }
            } catch (IOException ignored) {
                // the process ended or was killed
            }
        });
        try {
            if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new UserError(UserError.Kind.SERVICE_FAILED, "compose did not " + what + " within "
                        + deadline.toMinutes() + " min; it was stopped", "");
            }
            reader.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new UserError(UserError.Kind.OTHER, "interrupted while compose ran (" + what + ")", "");
        }
        if (process.exitValue() != 0) {
            String said;
            synchronized (last) {
                said = String.join(" / ", last);
            }
            throw new UserError(UserError.Kind.SERVICE_FAILED, "compose could not " + what + " (exit "
                    + process.exitValue() + "): " + said, "");
        }
    }
}
