package io.colimaservices.cli;

import io.colimaservices.domain.LocalTerminal;
import io.colimaservices.domain.UserError;
import io.colimaservices.domain.backup.BackupManifest;
import io.colimaservices.usecase.BackupUseCase;
import io.colimaservices.domain.backup.RestoreConfirmation;
import io.colimaservices.domain.backup.RestoreReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code restore ID [SERVICE...] [--yes]}. */
@Command(name = "restore", description = {"Restores a backup's services (all, or those named): checks every file "
        + "first, stops the services that depend on them, restores in dependency order, starts again what it "
        + "stopped, and reports per service. Asks first on a terminal; --yes is required without one.",
        "Exit 7 naming the service and the file when a restore fails."})
final class RestoreCommand implements Callable<Integer> {
    @ParentCommand
    CliRoot root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "A backup's id (see 'backups'), or its folder.")
    String id;

    @Parameters(index = "1..*", paramLabel = "SERVICE", description = "Only these services.")
    List<String> services = List.of();

    @Option(names = "--yes", description = "Replace the data without asking (warnings are still printed).")
    boolean yes;

    @Option(names = "--from", paramLabel = "DIR", description = "The folder holding the backups.")
    Path from;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LocalTerminal terminal = root.context().localTerminal();
        boolean interactive = terminal.stdinIsTerminal() && terminal.stdoutIsTerminal();
        if (!yes && !interactive) {
            throw new UserError(UserError.Kind.CONFIGURATION, "restore replaces the services' data: pass --yes "
                    + "(no terminal to ask on)");
        }
        BackupUseCase backups = root.useCases().backups();
        RestoreConfirmation confirmation = (names, warnings) -> {
            warnings.forEach(w -> out.println("WARNING " + w));
            if (yes) {
                return true;
            }
            return TerminalQuestion.ask(out, root.stdin(), "Replace the data of " + String.join(", ", names)
                    + " with backup " + id + "?", false);
        };
        RestoreReport report;
        try (BackupRunGuard guard = new BackupRunGuard()) {
            report = backups.restore(id, Optional.ofNullable(from), services, confirmation, new BackupPrinter(out),
                    guard.cancellation());
        }
        for (BackupManifest.ServiceCheck result : report.results()) {
            out.println((result.passed() ? "restored " : "FAILED   ") + result.service() + ": " + result.message());
        }
        if (!report.restarted().isEmpty()) {
            out.println("Started again: " + String.join(", ", report.restarted()));
        }
        if (!report.succeeded()) {
            spec.commandLine().getErr().println("error: " + String.join("; ", report.results().stream()
                    .filter(r -> !r.passed()).map(r -> r.service() + ": " + r.message()).toList()));
            return ExitCodes.BACKUP;
        }
        return ExitCodes.OK;
    }
}
