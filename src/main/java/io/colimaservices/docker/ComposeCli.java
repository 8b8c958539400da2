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
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private final Supplier<List<String>> command;
    private final List<Path> files;
    private final String project;
    private final Map<String, String> environment;
    private final Duration deadline;

    /**
     * @param environment added to the CLI's environment ({@code DOCKER_HOST}, the stack's runtime directory, ...)
     */
    public ComposeCli(List<String> command, List<Path> files, String project, Map<String, String> environment,
                      Duration deadline) {
        this(constant(List.copyOf(command)), files, project, environment, deadline);
    }

    /**
     * The compose CLI that is installed, found when the first service is created: finding it runs one or two
     * processes ({@code docker-compose version} alone takes about 300 ms), which must not delay the app's start.
     */
    public static ComposeCli detectedOnFirstUse(List<Path> files, String project, Map<String, String> environment,
                                                Duration deadline) {
        return new ComposeCli(new FirstUse<>(ComposeCli::detect), files, project, environment, deadline);
    }

    private static Supplier<List<String>> constant(List<String> command) {
        return () -> command;
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

    private ComposeCli(Supplier<List<String>> command, List<Path> files, String project,
                       Map<String, String> environment, Duration deadline) {
        this.command = command;
        this.files = List.copyOf(files);
        this.project = project;
        this.environment = Map.copyOf(environment);
        this.deadline = deadline;
    }

    /** {@code docker compose} when the plugin answers, else {@code docker-compose}; empty when neither does. */
    public static List<String> detect() {
        if (answers(List.of("docker", "compose", "version"))) {
            return List.of("docker", "compose");
        }
        if (answers(List.of("docker-compose", "version"))) {
            return List.of("docker-compose");
        }
        return List.of();
    }

    private static boolean answers(List<String> probe) {
        try {
            Process p = new ProcessBuilder(probe).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void create(List<ServiceDefinition> services, Consumer<String> output) {
        if (services.isEmpty()) {
            return;
        }
        // One invocation for every missing container. `create` (not `up --no-start`): docker-compose 1.29's
        // `up --no-start` still waits for the depends_on conditions among the services it is given, which
        // never hold for containers it does not start. --no-recreate leaves existing dependencies alone (1.29's
        // create takes the dependencies along and would otherwise recreate them when one of theirs is new).
        List<String> args = base(services);
        args.addAll(List.of("create", "--no-recreate"));
        services.forEach(s -> args.add(s.name()));
        run("create " + names(services), args, output);
    }

    @Override
    public void recreate(ServiceDefinition service, Consumer<String> output) {
        // One service per invocation with --no-deps: nothing but this container is replaced (1.29's create would
        // take the dependencies along, and --force-recreate would then replace them too).
        List<String> args = base(List.of(service));
        args.addAll(List.of("up", "--no-start", "--no-deps", "--force-recreate", service.name()));
        run("recreate " + service.name(), args, output);
    }

    @Override
    public Map<String, String> definitionHashes(List<ServiceDefinition> services) {
        if (services.isEmpty()) {
            return Map.of();
        }
        // Both 1.29 and v2 print "<service> <hash>" per line. v2 knows a service of an inactive profile only when
        // that profile is given, hence the profiles.
        List<String> args = base(services);
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

    /** The CLI with the app's project, files and every profile the services belong to. */
    private List<String> base(List<ServiceDefinition> services) {
        List<String> cli = command.get();
        if (cli.isEmpty()) {
            throw new UserError(UserError.Kind.CONFIGURATION, "cannot create " + names(services)
                    + ": no compose CLI found (docker compose or docker-compose)",
                    "install it: brew install docker-compose");
        }
        List<String> args = new ArrayList<>(cli);
        args.addAll(List.of("--project-name", project));
        files.forEach(f -> args.addAll(List.of("--file", f.toString())));
        services.stream().flatMap(s -> s.profiles().stream()).distinct().sorted()
                .forEach(p -> args.addAll(List.of("--profile", p)));
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
