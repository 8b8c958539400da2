package io.colimaservices.docker;

import io.colimaservices.domain.DependencyCondition;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    private final Optional<DefinitionHashCache> hashCache;
    private final Map<String, String> environment;
    private final Duration deadline;

    /**
     * The installed compose CLI: its command, and whether it is docker-compose 1.x (whose {@code create} makes no
     * network and no volume, and whose {@code up --no-start} waits for depends_on conditions it can never meet).
     */
    public record Cli(List<String> command, boolean v1, String version) {
        public Cli {
            command = List.copyOf(command);
            version = version.strip();
        }

        static final Cli NONE = new Cli(List.of(), false, "");
    }

    /**
     * @param profiles    every profile of the catalog, all enabled: compose then knows every service (v2 knows a
     *                    service of an inactive profile only when named; 1.29 refuses a dependency of one), and
     *                    still touches only the services it is given and their dependencies
     * @param environment added to the CLI's environment ({@code DOCKER_HOST}, the stack's runtime directory, ...)
     */
    public ComposeCli(Cli cli, List<Path> files, String project, Collection<String> profiles,
                      Map<String, String> environment, Duration deadline) {
        this(() -> cli, files, project, profiles, environment, deadline, Optional.empty());
    }

    /**
     * The compose CLI that is installed, found when the first service is created: finding it runs one or two
     * processes ({@code docker-compose version} alone takes about 300 ms), which must not delay the app's start.
     */
    /** @param hashCache where definition hashes are remembered per input (see {@link DefinitionHashCache}) */
    public static ComposeCli detectedOnFirstUse(List<Path> files, String project, Collection<String> profiles,
                                                Map<String, String> environment, Duration deadline,
                                                Path hashCache) {
        return new ComposeCli(new FirstUse<>(ComposeCli::detect), files, project, profiles, environment, deadline,
                Optional.of(new DefinitionHashCache(hashCache)));
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
                       Map<String, String> environment, Duration deadline, Optional<DefinitionHashCache> hashCache) {
        this.hashCache = hashCache;
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
        Optional<String> plugin = version(List.of("docker", "compose", "version"));
        if (plugin.isPresent()) {
            return new Cli(List.of("docker", "compose"), false, plugin.get());
        }
        return version(List.of("docker-compose", "version"))
                .map(line -> new Cli(List.of("docker-compose"), isV1(line), line)).orElse(Cli.NONE);
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
        Cli installed = installed(services);
        if (!installed.v1()) {
            // Compose v2: `create` makes the project's networks and volumes and every container named; with
            // --no-recreate it leaves existing ones alone.
            List<String> args = base(installed);
            args.addAll(List.of("create", "--no-recreate"));
            services.forEach(s -> args.add(s.name()));
            run("create " + names(services), args, output);
            return;
        }
        // docker-compose 1.29: `create` makes no network and no volume (Docker would then make plain on-disk
        // volumes where tmpfs ones are declared), so the first invocation is `up --no-start --no-deps`, which does.
        // That one waits for depends_on conditions among the services named: service_healthy holds for a container
        // that does not run (1.29 asks only running ones), service_completed_successfully never does. Services
        // waiting for a one-shot job created in the same run therefore come in a second invocation, a `create`
        // (which waits for nothing). The stack's compose file has no such wait: one invocation.
        Set<String> named = new LinkedHashSet<>(services.stream().map(ServiceDefinition::name).toList());
        List<ServiceDefinition> first = services.stream().filter(s -> s.dependsOn().stream().noneMatch(d ->
                d.condition() == DependencyCondition.SERVICE_COMPLETED_SUCCESSFULLY && named.contains(d.service())))
                .toList();
        List<ServiceDefinition> rest = services.stream().filter(s -> !first.contains(s)).toList();
        List<String> args = base(installed);
        args.addAll(List.of("up", "--no-start", "--no-deps"));
        first.forEach(s -> args.add(s.name()));
        run("create " + names(first), args, output);
        if (!rest.isEmpty()) {
            List<String> more = base(installed);
            more.addAll(List.of("create", "--no-recreate"));
            rest.forEach(s -> more.add(s.name()));
            run("create " + names(rest), more, output);
        }
    }

    /** Compose v2's create waits for nothing; docker-compose 1.29's checks running dependencies' health. */
    @Override
    public boolean mayStartWhileCreating() {
        Cli installed = cli.get();
        return !installed.command().isEmpty() && !installed.v1();
    }

    /** Finds the installed CLI now, on another thread, so that its first use does not wait for it. */
    public void detectInBackground() {
        if (cli instanceof FirstUse<Cli> firstUse) {
            Thread.ofVirtual().name("compose-detect").start(firstUse::get);
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
        return hashes(services, true);
    }

    @Override
    public Map<String, String> freshDefinitionHashes(List<ServiceDefinition> services) {
        return hashes(services, false);
    }

    private Map<String, String> hashes(List<ServiceDefinition> services, boolean remembered) {
        if (services.isEmpty()) {
            return Map.of();
        }
        Cli installed = installed(services);
        List<String> names = services.stream().map(ServiceDefinition::name).toList();
        Optional<String> key = hashCache.flatMap(cache -> cacheKey(installed));
        Optional<Map<String, String>> known = remembered ? key.flatMap(k -> hashCache.get().get(k, names))
                : Optional.empty();
        if (known.isPresent()) {
            return known.get();
        }
        // Both 1.29 and v2 print "<service> <hash>" per line (v2 sorted by name).
        List<String> args = base(installed);
        args.addAll(List.of("config", "--hash=" + String.join(",", names)));
        List<String> lines = new ArrayList<>();
        run("hash " + names(services), args, lines::add);
        Map<String, String> hashes = parseHashes(lines);
        key.ifPresent(k -> hashCache.get().put(k, hashes));
        return hashes;
    }

    private Optional<String> cacheKey(Cli installed) {
        Map<String, String> childEnvironment = new java.util.HashMap<>(System.getenv());
        childEnvironment.putAll(environment);
        List<String> identity = new ArrayList<>(installed.command());
        identity.add(installed.version());
        try {
            return Optional.of(DefinitionHashCache.key(identity, project, profiles, files, childEnvironment));
        } catch (IOException e) {
            return Optional.empty();
        }
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
