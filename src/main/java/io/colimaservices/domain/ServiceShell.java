package io.colimaservices.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A shell, a service's own client, or any command in a service's running container: what {@code shell SERVICE}
 * does, for every face (the app opens a terminal running the same command line). Exit codes follow
 * {@code docker run}'s convention, so the app's own failures never pass for the command's: {@value #CANNOT_RUN} when
 * it cannot be run at all (a {@link UserError}: unknown service, not running, engine unreachable),
 * {@value #NOT_EXECUTABLE} when the program cannot be executed, {@value #NOT_FOUND} when it does not exist; any other
 * code is the command's own.
 */
public final class ServiceShell {
    public static final int CANNOT_RUN = 125;
    public static final int NOT_EXECUTABLE = 126;
    public static final int NOT_FOUND = 127;
    /**
     * The compose label that declares a service's client: a command line for {@code sh -c}, authenticated from the
     * secret files inside the container; arguments given after {@code --} are appended.
     */
    public static final String CLIENT_LABEL = "io.colima-services.client";
    /** {@code bash} when the image has one, else {@code sh}: one exec, no probe first. */
    static final List<String> SHELL = List.of("/bin/sh", "-c",
            "if command -v bash >/dev/null 2>&1; then exec bash; fi; exec sh");

    public enum Mode {
        /** An interactive shell (arguments not allowed). */
        SHELL,
        /** The client the service declares in {@value #CLIENT_LABEL}, with the arguments appended. */
        CLIENT,
        /** The arguments are the command. */
        COMMAND
    }

    /**
     * @param useTty a terminal in the container when this process has one on both stdin and stdout ({@code -T} turns
     *               it off, as {@code docker compose exec -T} does)
     */
    public record Request(String service, Mode mode, List<String> arguments, boolean useTty) {
        public Request {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(mode, "mode");
            arguments = List.copyOf(arguments);
        }
    }

    /** @param message the engine's reason when the program never started (for stderr) */
    public record Result(int exitCode, Optional<String> message) {
    }

    private final Catalog catalog;
    private final String project;
    private final ContainerExec exec;
    private final LocalTerminal terminal;

    public ServiceShell(Catalog catalog, String project, ContainerExec exec, LocalTerminal terminal) {
        this.catalog = Objects.requireNonNull(catalog);
        this.project = Objects.requireNonNull(project);
        this.exec = Objects.requireNonNull(exec);
        this.terminal = Objects.requireNonNull(terminal);
    }

    /** The command a request runs in the container. @throws UserError when it names no service or no client */
    public List<String> command(Request request) {
        ServiceDefinition service = catalog.service(request.service()).orElseThrow(() -> new UserError(
                UserError.Kind.CONFIGURATION, "no service '" + request.service() + "' in " + catalog.source(),
                "services: " + String.join(", ", catalog.serviceNames())));
        return switch (request.mode()) {
            case SHELL -> {
                if (!request.arguments().isEmpty()) {
                    throw new UserError(UserError.Kind.CONFIGURATION, "a shell takes no arguments",
                            "to run a command: shell " + service.name() + " -- COMMAND...");
                }
                yield SHELL;
            }
            case CLIENT -> client(service, request.arguments());
            case COMMAND -> {
                if (request.arguments().isEmpty()) {
                    throw new UserError(UserError.Kind.CONFIGURATION, "no command after --",
                            "shell " + service.name() + " -- COMMAND...");
                }
                yield request.arguments();
            }
        };
    }

    private static List<String> client(ServiceDefinition service, List<String> arguments) {
        String line = service.label(CLIENT_LABEL).orElseThrow(() -> new UserError(UserError.Kind.CONFIGURATION,
                service.name() + " declares no client (compose label " + CLIENT_LABEL + ")",
                "open a shell instead: shell " + service.name()));
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", line + " \"$@\"", service.name() + "-client"));
        command.addAll(arguments);
        return command;
    }

    /**
     * Runs the request to its end. With a terminal, the local terminal is in raw mode while the command runs (and
     * restored on every way out) and the container's pseudo-terminal follows its size.
     *
     * @throws UserError when it cannot be run: the caller exits with {@value #CANNOT_RUN}
     */
    public Result run(Request request, ExecIo io) throws InterruptedException {
        List<String> command = command(request);
        ExecTarget target = exec.locate(project, request.service());
        if (!target.isRunning()) {
            throw new UserError(UserError.Kind.SERVICE_FAILED, request.service() + " is not running ("
                    + (target.containerId().isEmpty() ? "no container" : target.state().label()) + ")",
                    "start it first: up " + request.service());
        }
        boolean tty = request.useTty() && terminal.stdinIsTerminal() && terminal.stdoutIsTerminal();
        ExecRequest exec = new ExecRequest(command, tty, tty ? terminal.size() : Optional.empty());
        try (ExecProcess process = this.exec.start(target.containerId().orElseThrow(), exec, io)) {
            if (!tty) {
                return result(process.await());
            }
            try (LocalTerminal.RawMode raw = terminal.enterRawMode();
                 Subscription resizes = terminal.onResize(process::resize)) {
                // The size may have changed between reading it and the subscription.
                terminal.size().ifPresent(process::resize);
                return result(process.await());
            }
        }
    }

    static Result result(ExecOutcome outcome) {
        if (outcome.started()) {
            return new Result(outcome.exitCode(), Optional.empty());
        }
        String message = outcome.startFailure().orElseThrow().strip();
        return new Result(isNotFound(message) ? NOT_FOUND : NOT_EXECUTABLE, Optional.of(message));
    }

    /** The engine's words for a program that does not exist (the daemon's own test, see moby's errors.go). */
    static boolean isNotFound(String message) {
        String text = message.toLowerCase(Locale.ROOT);
        return text.contains("executable file not found") || text.contains("no such file or directory")
                || text.contains("cannot find the file specified");
    }
}
