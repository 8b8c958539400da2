package io.colimaservices.cli;

import io.colimaservices.domain.backup.BackupKey;
import io.colimaservices.domain.backup.BackupKeys;
import io.colimaservices.usecase.BackupUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code backup key export FILE} / {@code backup key import FILE}: the key that opens backups, between Macs. */
@Command(name = "key", description = "The backup key: 'export FILE' writes it to a new file (0600) to take to "
        + "another Mac; 'import FILE' stores such a file's key, so this Mac can restore backups made with it.")
final class BackupKeyCommand implements Callable<Integer> {
    @ParentCommand
    BackupCommand backup;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "export|import", description = "export or import")
    String action;

    @Parameters(index = "1", paramLabel = "FILE", description = "The key file.")
    Path file;

    @Override
    public Integer call() {
        BackupUseCase backups = backup.root.useCases().backups();
        switch (action) {
            case "export" -> {
                BackupKey key = backups.exportKey(file);
                spec.commandLine().getOut().println("Exported backup key " + key.fingerprint() + " to " + file
                        + " (readable by you only). Anyone with it can read your backups: keep it apart from them.");
            }
            case "import" -> {
                BackupKeys.Imported imported = backups.importKey(file);
                spec.commandLine().getOut().println("Imported backup key " + imported.key().fingerprint() + " into "
                        + backups.keyStoreDescription() + (imported.madeCurrent() ? "; new backups use it"
                        : "; backups made with it can be restored here (new backups keep this Mac's key)"));
            }
            default -> {
                spec.commandLine().getErr().println("error: 'backup key' takes export or import, not '" + action + "'");
                return ExitCodes.USAGE_OR_CONFIG;
            }
        }
        return ExitCodes.OK;
    }
}
