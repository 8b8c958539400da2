package io.colimaservices.usecase;

import io.colimaservices.domain.BootstrapCheck;
import io.colimaservices.domain.DockerEndpoint;
import io.colimaservices.domain.ImageEngine;
import io.colimaservices.domain.SetupTools;
import io.colimaservices.domain.StackListing;
import io.colimaservices.domain.UserError;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * From nothing to a working stack (issue 20), for both faces ({@code setup}, {@code setup status}, the Setup page,
 * the menu's "Finish setup"): the checklist's steps in order, each checked live (never from a flag written once),
 * and a run that does every step not done, stopping at the first failure with its cause and fix. A second run finds
 * everything done and changes nothing. Every action is one of the existing use cases'; each step a run acts on leaves
 * a trace line.
 */
public final class SetupUseCase {
    private final Ports ports;
    private final ActionTrace trace;

    /** Where the Docker host points, where the Colima profile's socket is, and whether this is a Mac. */
    public record Host(DockerEndpoint docker, Path colimaSocket, boolean macOs) {
    }

    /** Asked before Vault's shares are created (a terminal's question, a dialog, or {@link #YES}). */
    @FunctionalInterface
    public interface Confirmation {
        Confirmation YES = question -> true;

        boolean confirm(String question);
    }

    /** What the checklist is built from: the use cases both faces call, and the few ports only setup asks. */
    public record Ports(VmUseCase vm, StackUseCase stack, VaultUseCase vault, PullUseCase pulls, CaUseCase ca,
                        StackListing listing, Supplier<SetupTools> tools, Supplier<BootstrapCheck> bootstrap,
                        Supplier<ImageEngine> images, Supplier<Host> host, SetupTier tiers, Duration timeout) {
    }

    /**
     * A run's end.
     *
     * @param steps   the checklist after the run
     * @param failure the step that stopped the run and why (cause, fix, and the kind that gives the exit code)
     * @param acted   the steps the run acted on, in order (none on a second run)
     */
    public record Outcome(List<SetupStep> steps, Optional<Failure> failure, List<String> acted) {
        public Outcome {
            steps = List.copyOf(steps);
            acted = List.copyOf(acted);
        }

        public boolean succeeded() {
            return failure.isEmpty();
        }
    }

    public record Failure(SetupStep step, UserError.Kind kind, String cause, String fix) {
    }

    public SetupUseCase(Ports ports, ActionTrace trace) {
        this.ports = ports;
        this.trace = trace;
    }

    /** The steps' ids in order. */
    public static List<String> stepIds() {
        return SetupSteps.ALL.stream().map(SetupSteps.Definition::id).toList();
    }

    /** Every step as live checks find it now; changes nothing. */
    public List<SetupStep> status(Optional<String> tier) {
        SetupLive live = new SetupLive(ports, tier);
        List<SetupStep> steps = new ArrayList<>();
        for (SetupSteps.Definition d : SetupSteps.ALL) {
            SetupStep step = SetupSteps.check(d, live);
            live.checked(step);
            steps.add(step);
        }
        return steps;
    }

    /** Whether a required step is left (the menu then offers "Finish setup"). */
    public static boolean finished(List<SetupStep> steps) {
        return steps.stream().noneMatch(SetupStep::keepsSetupOpen);
    }

    /** Runs every step that is not done, in order, and stops at the first required one that fails. */
    public Outcome run(Optional<String> tier, Confirmation confirmation, Consumer<SetupProgress> progress) {
        return runFrom(stepIds(), tier, confirmation, progress);
    }

    /** Runs one step (the page's button): the steps before it are checked, not acted on. */
    public Outcome runStep(String id, Optional<String> tier, Confirmation confirmation,
                           Consumer<SetupProgress> progress) {
        SetupSteps.definition(id);
        return runFrom(List.of(id), tier, confirmation, progress);
    }

    private Outcome runFrom(List<String> actOn, Optional<String> tier, Confirmation confirmation,
                            Consumer<SetupProgress> progress) {
        SetupLive live = new SetupLive(ports, tier);
        List<SetupStep> steps = new ArrayList<>();
        List<String> acted = new ArrayList<>();
        Optional<Failure> failure = Optional.empty();
        for (SetupSteps.Definition d : SetupSteps.ALL) {
            SetupStep step = SetupSteps.check(d, live);
            boolean act = failure.isEmpty() && actOn.contains(d.id()) && SetupSteps.actsOn(d, step);
            if (act) {
                acted.add(d.id());
                Optional<UserError> error = act(d, step, live, confirmation, progress);
                live = new SetupLive(ports, tier);
                replay(steps, live);
                SetupStep after = SetupSteps.check(d, live);
                if (error.isPresent() || !after.state().settled()) {
                    SetupStep failed = after.state().settled() ? after : after.with(SetupState.FAILED,
                            error.map(UserError::getMessage).orElse(after.detail()));
                    step = failed;
                    if (!d.optional()) {
                        failure = Optional.of(new Failure(failed, error.map(UserError::kind).orElse(kindOf(d)),
                                failed.detail(), error.map(UserError::hint).filter(h -> !h.isEmpty())
                                .orElse(failed.action())));
                    }
                } else {
                    step = after;
                }
            }
            live.checked(step);
            steps.add(step);
            progress.accept(new SetupProgress.Checked(step, act));
        }
        return new Outcome(steps, failure, acted);
    }

    /** A fresh pass knows the earlier steps' verdicts again, so the blocking rules hold in it too. */
    private static void replay(List<SetupStep> steps, SetupLive live) {
        steps.forEach(live::checked);
    }

    private Optional<UserError> act(SetupSteps.Definition d, SetupStep step, SetupLive live,
                                    Confirmation confirmation, Consumer<SetupProgress> progress) {
        progress.accept(new SetupProgress.Started(step.with(SetupState.RUNNING, step.detail())));
        try {
            trace.run("setup " + d.id(), () -> SetupSteps.act(d, live, confirmation,
                    line -> progress.accept(new SetupProgress.Line(d.id(), line))), "done");
            return Optional.empty();
        } catch (UserError e) {
            return Optional.of(e);
        }
    }

    /** The exit code's kind when a step's action ended without an error but its check still says not done. */
    private static UserError.Kind kindOf(SetupSteps.Definition d) {
        return switch (d.id()) {
            case "colima", "vm" -> UserError.Kind.VM;
            case "docker" -> UserError.Kind.DOCKER_UNREACHABLE;
            case "compose" -> UserError.Kind.CONFIGURATION;
            case "vault-init", "vault-unseal", "vault-bootstrap", "ca" -> UserError.Kind.VAULT;
            default -> UserError.Kind.SERVICE_FAILED;
        };
    }
}
