package io.colimaservices.cli;

import io.colimaservices.domain.backup.BackupManifest;
import io.colimaservices.domain.backup.BackupResult;
import io.colimaservices.usecase.BackupUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code backup [TARGET...] [--to DIR] [--json] [--no-encrypt]}, and {@code backup key export|import FILE}. */
@Command(name = "backup", description = {"Backs up groups or services (default: every running service whose compose "
        + "labels declare a backup) into a new folder, one encrypted, compressed file per service and a manifest; "
        + "prints the id and the folder.",
        "Exit 7 when a service's backup fails (the message names the service and the file); nothing that looks "
                + "complete is left."},
        subcommands = {BackupKeyCommand.class})
final class BackupCommand implements Callable<Integer> {
    @ParentCommand
    CliRoot root;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "TARGET", description = "A group or a service.")
    List<String> targets = List.of();

    @Option(names = "--to", paramLabel = "DIR", description = "Where the backup's folder goes (default: the "
            + "settings' backup folder, else the app's own).")
    Path to;

    @Option(names = "--no-encrypt", description = "Plain compressed files (default: encrypted with the key in the "
            + "secret store).")
    boolean noEncrypt;

    @Option(names = "--json", description = "Print {\"id\", \"path\", \"services\"} (progress goes to stderr).")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        BackupUseCase backups = root.useCases().backups();
        BackupResult result;
        try (BackupRunGuard guard = new BackupRunGuard()) {
            result = backups.backup(targets, Optional.ofNullable(to), !noEncrypt,
                    new BackupPrinter(json ? spec.commandLine().getErr() : out), guard.cancellation());
        }
        BackupManifest manifest = result.manifest();
        if (json) {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("id", manifest.id());
            value.put("path", result.folder().toString());
            value.put("services", manifest.serviceNames());
            out.println(Json.pretty(value));
        } else {
            out.println("Backup " + manifest.id() + " in " + result.folder() + " (" + manifest.services().size()
                    + " services, " + BackupPrinter.size(manifest.totalFileBytes())
                    + manifest.encryption().map(e -> ", encrypted with key " + e.keyFingerprint()).orElse(", not encrypted")
                    + ")");
        }
        return ExitCodes.OK;
    }
}
