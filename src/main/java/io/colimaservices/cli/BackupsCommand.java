package io.colimaservices.cli;

import io.colimaservices.domain.backup.BackupFolder;
import io.colimaservices.domain.backup.BackupManifest;
import io.colimaservices.usecase.BackupUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

/** {@code backups [--json] [--from DIR]}: the complete backups, oldest first. */
@Command(name = "backups", description = "Lists the backups: id, time, services, size, encrypted, last deep verify.")
final class BackupsCommand implements Callable<Integer> {
    @ParentCommand
    CliRoot root;

    @Spec
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "DIR", description = "The folder holding them (default: the settings' "
            + "backup folder, else the app's own).")
    Path from;

    @Option(names = "--json", description = "One JSON list.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        BackupUseCase backups = root.useCases().backups();
        List<BackupFolder.Stored> all = backups.list(Optional.ofNullable(from));
        if (json) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (BackupFolder.Stored s : all) {
                BackupManifest m = s.manifest();
                Map<String, Object> value = new LinkedHashMap<>();
                value.put("id", m.id());
                value.put("path", s.folder().toString());
                value.put("time", m.started().toString());
                value.put("services", m.serviceNames());
                value.put("bytes", m.totalFileBytes());
                value.put("encrypted", m.encryption().isPresent());
                value.put("lastDeepVerify", m.lastVerify().map(v -> {
                    Map<String, Object> verify = new LinkedHashMap<>();
                    verify.put("time", v.at().toString());
                    verify.put("passed", v.passed());
                    return verify;
                }).orElse(null));
                list.add(value);
            }
            out.println(Json.pretty(list));
            return ExitCodes.OK;
        }
        if (all.isEmpty()) {
            out.println("No backups in " + from().orElse(backups.defaultFolder()) + ".");
            return ExitCodes.OK;
        }
        for (BackupFolder.Stored s : all) {
            BackupManifest m = s.manifest();
            out.printf("%-18s %s  %-10s %s  %s  [%s]%n", m.id(), m.started().toString().substring(0, 19) + "Z",
                    BackupPrinter.size(m.totalFileBytes()), m.encryption().isPresent() ? "encrypted" : "plain    ",
                    m.lastVerify().map(v -> "deep verify " + (v.passed() ? "passed " : "FAILED ")
                            + v.at().toString().substring(0, 19) + "Z").orElse("never deep-verified"),
                    String.join(", ", m.serviceNames()));
        }
        return ExitCodes.OK;
    }

    private Optional<Path> from() {
        return Optional.ofNullable(from);
    }
}
