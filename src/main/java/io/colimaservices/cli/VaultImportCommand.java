package io.colimaservices.cli;

import io.colimaservices.domain.VaultOperations;
import io.colimaservices.usecase.VaultUseCase;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "import", description = "Moves the original project's ~/.config/vault/keys.json and root-token into "
        + "the secret store, then offers to delete those files.")
final class VaultImportCommand implements Callable<Integer> {

    @ParentCommand
    VaultCommand vault;

    @Spec
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "DIR", description = "Where the files are (default: ~/.config/vault).")
    Path from;

    @ArgGroup(exclusive = true)
    FileChoice choice;

    static final class FileChoice {
        @Option(names = "--delete-files", description = "Delete the files once their content is stored.")
        boolean delete;

        @Option(names = "--keep-files", description = "Leave the files where they are.")
        boolean keep;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        VaultUseCase actions = vault.useCase();
        Path dir = from != null ? from : actions.defaultImportDirectory();
        VaultOperations.ImportOutcome outcome = actions.importFrom(dir);
        out.printf("Imported %d unseal key shares%s into %s.%n", outcome.shares(),
                outcome.rootToken() ? " and the root token" : "", outcome.storedIn());
        if (outcome.weakerStore()) {
            StoreWarning.print(spec.commandLine().getErr());
        }
        if (shouldDelete(out)) {
            actions.deleteOriginalFiles(outcome.files()).forEach(file -> out.printf("Deleted %s.%n", file));
        } else {
            out.printf("Kept %s. They hold every key and the root token in plain text: delete them once you have "
                    + "a backup (colima-services vault import --delete-files).%n", outcome.files());
        }
        return ExitCodes.OK;
    }

    private boolean shouldDelete(PrintWriter out) {
        if (choice != null) {
            return choice.delete;
        }
        Console console = System.console();
        if (console == null || !console.isTerminal()) {
            return false;
        }
        out.flush();
        String answer = console.readLine("Delete the original files now? [y/N] ");
        return answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
    }
}
