package io.colimaservices.cli;

import io.colimaservices.usecase.SetupProgress;
import io.colimaservices.usecase.SetupStep;
import io.colimaservices.usecase.SetupUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code setup}: every checklist step not done, in order; {@code setup status}: the checklist. */
@Command(name = "setup",
        description = "From nothing to a working stack: runs every setup step that is not done, in order, and stops at "
                + "the first failure with its cause and fix (exit 2 configuration, 3 Docker, 4 service, 5 Vault, "
                + "6 VM). Safe to run again: a second run reports and changes nothing.",
        subcommands = {SetupStatusCommand.class})
final class SetupCommand implements Callable<Integer> {
    @ParentCommand
    CliRoot root;

    @Spec
    CommandSpec spec;

    @Option(names = "--tier", paramLabel = "TIER", scope = ScopeType.INHERIT,
            description = "The tier to bring up (a compose profile: minimal, standard, full; default: standard "
                    + "when the file has it, else every service).")
    String tier;

    @Option(names = {"-y", "--yes"}, description = "Accept Vault's initialization without asking.")
    boolean yes;

    SetupUseCase useCase() {
        return root.useCases().setup();
    }

    Optional<String> tier() {
        return Optional.ofNullable(tier);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SetupUseCase.Outcome outcome = useCase().run(tier(), yes ? SetupUseCase.Confirmation.YES : this::ask,
                step -> print(out, step));
        if (outcome.failure().isPresent()) {
            SetupUseCase.Failure failure = outcome.failure().get();
            PrintWriter err = spec.commandLine().getErr();
            err.println("error: setup stopped at " + failure.step().id() + ": " + failure.cause());
            err.println("fix: " + failure.fix());
            return ExitCodes.of(failure.kind());
        }
        long left = outcome.steps().stream().filter(s -> !s.state().settled()).count();
        if (outcome.acted().isEmpty()) {
            out.println(left == 0 ? "Nothing to do: every step is done or skipped."
                    : "Nothing was changed; optional steps left: " + left + " (setup status shows them).");
        } else {
            out.println("Setup acted on " + String.join(", ", outcome.acted()) + (left == 0 ? "; every step is done "
                    + "or skipped." : "; optional steps left: " + left + "."));
        }
        return ExitCodes.OK;
    }

    private void print(PrintWriter out, SetupProgress progress) {
        switch (progress) {
            case SetupProgress.Started s -> out.println(row(s.step()) + "  (" + s.step().action() + ")");
            case SetupProgress.Line l -> out.println("    " + l.text());
            case SetupProgress.Checked c -> out.println(row(c.step()));
        }
        out.flush();
    }

    static String row(SetupStep step) {
        return String.format(Locale.ROOT, "%-16s %-8s %s", step.id(), step.state().label(), step.detail());
    }

    /** On a terminal, asks; elsewhere declines (so a script never creates shares it was not told to). */
    private boolean ask(String question) {
        PrintWriter out = spec.commandLine().getOut();
        if (!root.context().localTerminal().stdinIsTerminal()) {
            out.println(question);
            out.println("Not asked: stdin is not a terminal (pass --yes to accept).");
            return false;
        }
        out.print(question + " [y/N] ");
        out.flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(root.stdin(), StandardCharsets.UTF_8)).readLine();
            return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
        } catch (IOException e) {
            return false;
        }
    }
}
