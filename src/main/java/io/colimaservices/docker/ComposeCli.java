package io.colimaservices.docker;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Creates containers through the compose CLI that is installed ({@code docker compose}, else
 * {@code docker-compose}): one service at a time, without its dependencies, so the app keeps the order and the
 * progress. The CLI gets the same compose files, project and engine the app uses.
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
    public void create(String service, Consumer<String> output) {
        List<String> cli = command.get();
        if (cli.isEmpty()) {
            throw new UserError(UserError.Kind.CONFIGURATION, "cannot create " + service
                    + ": no compose CLI found (docker compose or docker-compose)",
                    "install it: brew install docker-compose");
        }
        List<String> args = new ArrayList<>(cli);
        args.addAll(List.of("--project-name", project));
        files.forEach(f -> args.addAll(List.of("--file", f.toString())));
        args.addAll(List.of("up", "--detach", "--no-deps", "--no-recreate", service));
        run(service, args, output);
    }

    private void run(String service, List<String> args, Consumer<String> output) {
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
        Thread reader = Thread.ofVirtual().name("compose-" + service).start(() -> {
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
                throw new UserError(UserError.Kind.SERVICE_FAILED, "compose did not create " + service + " within "
                        + deadline.toMinutes() + " min; it was stopped", "");
            }
            reader.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new UserError(UserError.Kind.OTHER, "interrupted while compose created " + service, "");
        }
        if (process.exitValue() != 0) {
            String said;
            synchronized (last) {
                said = String.join(" / ", last);
            }
            throw new UserError(UserError.Kind.SERVICE_FAILED, "compose could not create " + service + " (exit "
                    + process.exitValue() + "): " + said, "");
        }
    }
}
