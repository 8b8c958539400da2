package io.colimaservices.usecase;

import io.colimaservices.domain.ExecIo;
import io.colimaservices.domain.ServiceShell;
import io.colimaservices.domain.ShellLauncher;

import java.util.function.Supplier;

/**
 * A shell (or the service's client, or a command) in a running service, for both faces: the CLI runs it in this
 * terminal ({@code shell SERVICE}), the app opens the user's terminal on that same command ("Open Shell", "Open
 * Client"). Each leaves a trace line (never the command's arguments: they may hold anything).
 */
public final class ShellUseCase {
    private final Supplier<ServiceShell> shell;
    private final Supplier<ShellLauncher> launcher;
    private final ActionTrace trace;

    public ShellUseCase(Supplier<ServiceShell> shell, Supplier<ShellLauncher> launcher, ActionTrace trace) {
        this.shell = shell;
        this.launcher = launcher;
        this.trace = trace;
    }

    /** Runs the request in this process's terminal and streams; its exit code follows docker's conventions. */
    public ServiceShell.Result run(ServiceShell.Request request, ExecIo io) throws InterruptedException {
        String action = "shell " + request.service() + " (" + request.mode().name().toLowerCase(java.util.Locale.ROOT)
                + ")";
        ServiceShell.Result result;
        try {
            result = shell.get().run(request, io);
        } catch (RuntimeException e) {
            trace.record(action, false, ActionTrace.why(e));
            throw e;
        }
        trace.record(action, result.exitCode() != ServiceShell.CANNOT_RUN, "exit " + result.exitCode()
                + result.message().map(m -> ": " + m).orElse(""));
        return result;
    }

    /** Opens the user's terminal on {@code shell SERVICE [--client]}; a missing terminal is an outcome, not a throw. */
    public ShellLauncher.Outcome open(String service, boolean client) {
        String action = "open " + (client ? "client" : "shell") + " " + service;
        return trace.run(action, () -> launcher.get().open(service, client), ShellLauncher.Outcome::opened,
                ShellLauncher.Outcome::message);
    }
}
