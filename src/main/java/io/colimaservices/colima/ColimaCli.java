package io.colimaservices.colima;

import io.colimaservices.domain.UserError;
import io.colimaservices.domain.VmDeletion;
import io.colimaservices.domain.VmPhase;
import io.colimaservices.domain.VmProgress;
import io.colimaservices.domain.VmRuntime;
import io.colimaservices.domain.VmSpec;
import io.colimaservices.domain.VmState;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link VmRuntime} over the {@code colima} executable. Status reads {@code colima status --json}; a non-zero exit
 * there means "not running", so {@code colima list --json} then tells a stopped profile from one that does not
 * exist. Start and stop hand the tool's output on line by line. Every call has a deadline, and a call that
 * outlives it is killed with its process tree and reported naming the command and the deadline.
 */
public final class ColimaCli implements VmRuntime {
    /** Status and list answer in well under a second; a stuck Lima must not stall a refresh for long. */
    public static final Duration QUERY_DEADLINE = Duration.ofSeconds(30);

    private final ColimaExecutable executable;
    private final Supplier<ColimaHost> host;
    private final ProcessRunner runner;
    private final Duration queryDeadline;

    /** @param host asked only when starting: the flags depend on it, status and stop do not need native calls */
    public ColimaCli(ColimaExecutable executable, Supplier<ColimaHost> host, Map<String, String> environment) {
        this(executable, host, environment, QUERY_DEADLINE, ProcessRunner.KILL_GRACE);
    }

    ColimaCli(ColimaExecutable executable, Supplier<ColimaHost> host, Map<String, String> environment,
              Duration queryDeadline, Duration killGrace) {
        this.executable = Objects.requireNonNull(executable);
        this.host = Objects.requireNonNull(host);
        this.runner = new ProcessRunner(childEnvironment(executable, environment), killGrace);
        this.queryDeadline = Objects.requireNonNull(queryDeadline);
    }

    /**
     * Colima runs {@code limactl} and {@code docker} by name: put the directory colima was found in first on
     * {@code PATH}, since Homebrew installs them side by side and launchd's {@code PATH} has neither.
     */
    private static Map<String, String> childEnvironment(ColimaExecutable executable, Map<String, String> env) {
        Map<String, String> child = new HashMap<>(env);
        executable.path().map(Path::getParent).ifPresent(dir -> {
            String path = env.getOrDefault("PATH", "");
            child.put("PATH", path.isEmpty() ? dir.toString() : dir + File.pathSeparator + path);
        });
        return child;
    }

    @Override
    public String describeTool() {
        return executable.describe();
    }

    @Override
    public VmState status(String profile) {
        if (!executable.installed()) {
            return VmState.of(profile, VmPhase.NOT_INSTALLED);
        }
        ProcessRunner.Outcome status;
        try {
            status = call(List.of("status", "--profile", profile, "--json"), queryDeadline, VmProgress.IGNORE);
        } catch (UserError e) {
            return VmState.failed(profile, e.getMessage());
        }
        if (status.timedOut()) {
            return VmState.failed(profile, hungMessage(status, queryDeadline));
        }
        if (status.exitCode() == 0) {
            return runningState(profile, status);
        }
        if (status.lastMessage().contains("unknown flag")) {
            return VmState.failed(profile, display(status.command()) + " failed: " + status.lastMessage()
                    + " (this Colima is too old for --json; upgrade with: brew upgrade colima)");
        }
        return notRunningState(profile, status);
    }

    private VmState runningState(String profile, ProcessRunner.Outcome status) {
        String text = status.stdoutText().strip();
        if (text.isEmpty()) {
            return VmState.failed(profile, display(status.command()) + " printed nothing");
        }
        try {
            return ColimaJson.status(profile, text);
        } catch (IllegalArgumentException e) {
            return VmState.failed(profile, display(status.command()) + " printed something that is not Colima's "
                    + "status JSON (" + e.getMessage() + "): " + abbreviate(text));
        }
    }

    /** A failed status means stopped or absent; only the list can tell which. */
    private VmState notRunningState(String profile, ProcessRunner.Outcome status) {
        List<VmState> all;
        try {
            all = list();
        } catch (UserError e) {
            return VmState.failed(profile, display(status.command()) + " failed (exit " + status.exitCode() + ": "
                    + status.lastMessage() + "), and so did the list: " + e.getMessage());
        }
        Optional<VmState> listed = all.stream().filter(s -> s.profile().equals(profile)).findFirst();
        if (listed.isEmpty()) {
            return VmState.of(profile, VmPhase.ABSENT);
        }
        VmState state = listed.get();
        if (state.phase() == VmPhase.RUNNING) {
            // Lima runs the VM, yet Colima cannot read its runtime: half started, or the runtime died.
            return state.withPhase(VmPhase.UNKNOWN).withError(display(status.command()) + " failed (exit "
                    + status.exitCode() + ": " + status.lastMessage() + ") although Lima runs the VM");
        }
        return state;
    }

    @Override
    public List<VmState> list() {
        requireInstalled();
        ProcessRunner.Outcome list = call(List.of("list", "--json"), queryDeadline, VmProgress.IGNORE);
        if (list.timedOut()) {
            throw new UserError(UserError.Kind.VM, hungMessage(list, queryDeadline), "");
        }
        if (list.exitCode() != 0) {
            throw failed(list, "");
        }
        try {
            return ColimaJson.list(list.stdout());
        } catch (IllegalArgumentException e) {
            throw new UserError(UserError.Kind.VM, display(list.command()) + " printed something that is not "
                    + "Colima's list JSON: " + e.getMessage());
        }
    }

    @Override
    public void start(VmSpec spec, Duration deadline, VmProgress progress) {
        requireInstalled();
        List<String> args = StartArguments.of(spec, host.get());
        progress.line("$ " + display(prefixed(args)));
        ProcessRunner.Outcome start = call(args, deadline, progress);
        if (start.timedOut()) {
            throw new UserError(UserError.Kind.VM, hungMessage(start, deadline),
                    "Colima may be waiting for a download or a VM that does not boot: run 'colima start --profile "
                            + spec.profile() + "' in a terminal to watch it, or 'colima stop --force --profile "
                            + spec.profile() + "' before trying again");
        }
        if (start.exitCode() != 0) {
            throw failed(start, "the lines above are Colima's own; 'colima start --profile " + spec.profile()
                    + " --verbose' in a terminal tells more");
        }
    }

    @Override
    public void stop(String profile, boolean force, Duration deadline, VmProgress progress) {
        requireInstalled();
        if (!force) {
            List<String> args = List.of("stop", "--profile", profile);
            progress.line("$ " + display(prefixed(args)));
            ProcessRunner.Outcome stop = call(args, deadline, progress);
            if (stop.succeeded()) {
                return;
            }
            if (!stop.timedOut()) {
                throw failed(stop, "'colima stop --force --profile " + profile + "' stops it without a graceful "
                        + "shutdown");
            }
            progress.line(hungMessage(stop, deadline) + "; stopping with --force");
        }
        List<String> args = List.of("stop", "--profile", profile, "--force");
        progress.line("$ " + display(prefixed(args)));
        ProcessRunner.Outcome forced = call(args, deadline, progress);
        if (forced.timedOut()) {
            throw new UserError(UserError.Kind.VM, hungMessage(forced, deadline),
                    "the VM's processes may be stuck: 'limactl list' shows them; restarting the Mac frees them");
        }
        if (forced.exitCode() != 0) {
            throw failed(forced, "");
        }
    }

    @Override
    public void restart(VmSpec spec, Duration deadline, VmProgress progress) {
        VmState before = status(spec.profile());
        if (before.phase() == VmPhase.RUNNING || before.phase() == VmPhase.UNKNOWN) {
            stop(spec.profile(), false, VmRuntime.STOP_DEADLINE, progress);
        }
        start(spec, deadline, progress);
    }

    @Override
    public void delete(VmDeletion deletion, Duration deadline, VmProgress progress) {
        requireInstalled();
        // --force only skips Colima's own yes/no prompt: the user has already typed the profile's name.
        List<String> args = List.of("delete", "--profile", deletion.profile(), "--force");
        progress.line("$ " + display(prefixed(args)));
        ProcessRunner.Outcome delete = call(args, deadline, progress);
        if (delete.timedOut()) {
            throw new UserError(UserError.Kind.VM, hungMessage(delete, deadline), "");
        }
        if (delete.exitCode() != 0) {
            throw failed(delete, "");
        }
    }

    private ProcessRunner.Outcome call(List<String> args, Duration deadline, VmProgress progress) {
        List<String> command = new ArrayList<>();
        command.add(executable.path().orElseThrow().toString());
        command.addAll(args);
        try {
            return runner.run(command, deadline, progress::line);
        } catch (IOException e) {
            throw new UserError(UserError.Kind.VM, "cannot run " + display(prefixed(args)) + ": " + e.getMessage(),
                    "check that " + command.getFirst() + " is Colima and can be executed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError(UserError.Kind.VM, display(prefixed(args)) + " was interrupted (and stopped)");
        }
    }

    private void requireInstalled() {
        if (!executable.installed()) {
            throw new UserError(UserError.Kind.VM, "Colima is " + executable.describe(),
                    "install it with 'brew install colima', or name it with --colima PATH or COLIMA_BIN");
        }
    }

    private static UserError failed(ProcessRunner.Outcome outcome, String hint) {
        String reason = outcome.lastMessage().isEmpty() ? "no message" : outcome.lastMessage();
        return new UserError(UserError.Kind.VM,
                display(outcome.command()) + " failed (exit " + outcome.exitCode() + "): " + reason, hint);
    }

    private static String hungMessage(ProcessRunner.Outcome outcome, Duration deadline) {
        int others = outcome.killed() - 1;
        String children = others > 0 ? " along with " + others + " child process" + (others > 1 ? "es" : "") : "";
        return display(outcome.command()) + " did not finish within " + Durations.human(deadline)
                + "; it was killed" + children;
    }

    /** {@code colima stop --profile x}: the command as the user would type it, whatever the executable's path. */
    private static String display(List<String> command) {
        List<String> shown = new ArrayList<>(command);
        shown.set(0, "colima");
        return String.join(" ", shown.stream().map(ColimaCli::quote).toList());
    }

    private static List<String> prefixed(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add("colima");
        command.addAll(args);
        return command;
    }

    private static String quote(String arg) {
        return arg.isEmpty() || arg.chars().anyMatch(c -> " \t'\"\\$".indexOf(c) >= 0)
                ? "'" + arg.replace("'", "'\\''") + "'"
                : arg;
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 117) + "...";
    }
}
