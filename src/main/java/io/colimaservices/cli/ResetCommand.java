package io.colimaservices.cli;

import io.colimaservices.domain.LocalTerminal;
import io.colimaservices.domain.UserError;
import io.colimaservices.domain.backup.BackupResult;
import io.colimaservices.usecase.BackupUseCase;
import io.colimaservices.domain.backup.ResetReport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code reset SERVICE... --confirm NAME} / {@code reset --all --confirm PROJECT}, after offering a backup. */
@Command(name = "reset", description = {"Removes services' containers and volumes (their data), or the whole "
        + "project's with --all, after offering a backup. The typed confirmation must match: the service's name "
        + "(several: joined by commas), or the project's name with --all. Unseal-share sets and backup keys are kept.",
        "On a terminal it asks whether to back up first; without one, --backup or --no-backup is required."})
final class ResetCommand implements Callable<Integer> {
    @ParentCommand
    CliRoot root;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "SERVICE", description = "The services to reset.")
    List<String> services = List.of();

    @Option(names = "--all", description = "Every container and volume of the project.")
    boolean all;

    @Option(names = "--confirm", required = true, paramLabel = "NAME", description = "The service's (or with --all "
            + "the project's) name, typed.")
    String confirm;

    @ArgGroup(exclusive = true)
    BackupChoice backupChoice;

    static final class BackupChoice {
        @Option(names = "--backup", description = "Back up what can be backed up first.")
        boolean backup;

        @Option(names = "--no-backup", description = "Do not back up first.")
        boolean noBackup;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (all == !services.isEmpty()) {
            throw new UserError(UserError.Kind.CONFIGURATION, all ? "--all takes no service names"
                    : "name the services to reset, or --all");
        }
        BackupUseCase backups = root.useCases().backups();
        String expected = all ? backups.project() : backups.confirmationFor(services);
        if (!expected.equals(confirm)) {
            throw new UserError(UserError.Kind.CONFIGURATION, "the confirmation '" + confirm + "' does not match '"
                    + expected + "'; nothing was removed", "type --confirm " + expected);
        }
        if (backupFirst(out)) {
            try (BackupRunGuard guard = new BackupRunGuard()) {
                backups.backupBeforeReset(services, all, new BackupPrinter(out), guard.cancellation()).ifPresent(
                        result -> out.println("Backup " + result.manifest().id() + " in " + result.folder()));
            }
        }
        ResetReport report = all ? backups.resetAll(confirm, new BackupPrinter(out))
                : backups.reset(services, confirm, new BackupPrinter(out));
        report.removedVolumes().forEach(v -> out.println("removed volume " + v));
        report.kept().forEach(v -> out.println("kept volume " + v));
        if (!report.stoppedDependents().isEmpty()) {
            out.println("Stopped (left stopped): " + String.join(", ", report.stoppedDependents()));
        }
        out.println("Reset " + (all ? "project " + backups.project() : String.join(", ", services)) + ": "
                + report.removedContainers().size() + " containers and " + report.removedVolumes().size()
                + " volumes removed. Unseal-share sets and backup keys are kept.");
        return ExitCodes.OK;
    }

    private boolean backupFirst(PrintWriter out) {
        if (backupChoice != null) {
            return backupChoice.backup;
        }
        LocalTerminal terminal = root.context().localTerminal();
        if (!(terminal.stdinIsTerminal() && terminal.stdoutIsTerminal())) {
            throw new UserError(UserError.Kind.CONFIGURATION, "reset removes data: pass --backup or --no-backup "
                    + "(no terminal to ask on)");
        }
        return TerminalQuestion.ask(out, root.stdin(), "Back up first?", true);
    }
}
