package io.colimaservices.cli;

import io.colimaservices.domain.backup.BackupManifest;
import io.colimaservices.usecase.BackupUseCase;
import io.colimaservices.domain.backup.VerifyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code verify ID [--deep] [--json]}. */
@Command(name = "verify", description = {"Checks a backup: its manifest and every file's size and SHA-256. With "
        + "--deep, restores each service into a throwaway copy (fresh volumes, no network, removed afterwards), "
        + "waits for its health and runs its backup-check; the result is recorded in the manifest.",
        "Exit 7 naming the service and the file when a check fails."})
final class VerifyCommand implements Callable<Integer> {
    @ParentCommand
    CliRoot root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "A backup's id (see 'backups'), or its folder.")
    String id;

    @Option(names = "--deep", description = "Restore into throwaway copies and check there.")
    boolean deep;

    @Option(names = "--from", paramLabel = "DIR", description = "The folder holding the backups.")
    Path from;

    @Option(names = "--json", description = "{\"id\", \"deep\", \"passed\", \"services\": [{service, passed, message}]}")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        BackupUseCase backups = root.useCases().backups();
        VerifyReport report;
        if (deep) {
            try (BackupRunGuard guard = new BackupRunGuard()) {
                report = backups.deepVerify(id, Optional.ofNullable(from),
                        new BackupPrinter(json ? spec.commandLine().getErr() : out), guard.cancellation());
            }
        } else {
            report = backups.verify(id, Optional.ofNullable(from));
        }
        if (json) {
            List<Map<String, Object>> services = new ArrayList<>();
            for (BackupManifest.ServiceCheck check : report.checks()) {
                Map<String, Object> value = new LinkedHashMap<>();
                value.put("service", check.service());
                value.put("passed", check.passed());
                value.put("message", check.message());
                services.add(value);
            }
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("id", report.manifest().id());
            value.put("deep", report.deep());
            value.put("passed", report.passed());
            value.put("services", services);
            out.println(Json.pretty(value));
        } else {
            for (BackupManifest.ServiceCheck check : report.checks()) {
                out.println((check.passed() ? "ok     " : "FAILED ") + check.service() + ": " + check.message());
            }
            out.println("Backup " + report.manifest().id() + (report.passed() ? " verified" : " FAILED verification")
                    + (report.deep() ? " (deep)" : " (manifest and checksums)") + ".");
        }
        if (!report.passed()) {
            spec.commandLine().getErr().println("error: " + String.join("; ", report.failures().stream()
                    .map(c -> c.service() + ": " + c.message()).toList()));
            return ExitCodes.BACKUP;
        }
        return ExitCodes.OK;
    }
}
