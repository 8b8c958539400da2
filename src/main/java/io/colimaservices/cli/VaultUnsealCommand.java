package io.colimaservices.cli;

import io.colimaservices.domain.UserError;
import io.colimaservices.domain.VaultPhase;
import io.colimaservices.domain.VaultState;
import io.colimaservices.domain.VaultOperations;
import io.colimaservices.usecase.VaultUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

@Command(name = "unseal", description = "Unseals Vault with the stored key shares, or with one share you type.")
final class VaultUnsealCommand implements Callable<Integer> {

    @ParentCommand
    VaultCommand vault;

    @Spec
    CommandSpec spec;

    @Option(names = "--key-stdin", description = "Read one share from standard input (not echoed on a terminal) "
            + "instead of using the stored ones.")
    boolean keyStdin;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        VaultUseCase actions = vault.useCase();
        if (keyStdin && actions.status().phase() == VaultPhase.UNSEALED) {
            // Do not ask for a share Vault does not need.
            out.printf("Vault at %s is already unsealed.%n", actions.address());
            return ExitCodes.OK;
        }
        VaultOperations.UnsealOutcome outcome = keyStdin
                ? actions.submitShare(readShare())
                : actions.unsealWithStoredShares(state -> progress(out, state));
        if (outcome.alreadyUnsealed()) {
            out.printf("Vault at %s is already unsealed.%n", actions.address());
        } else if (keyStdin) {
            progress(out, outcome.state());
        }
        return ExitCodes.OK;
    }

    private static void progress(PrintWriter out, VaultState state) {
        if (state.phase() == VaultPhase.UNSEALED) {
            out.printf("Vault at %s is unsealed.%n", state.address());
        } else {
            out.printf("Share accepted: progress %d/%d.%n", state.progress(), state.threshold());
        }
        out.flush();
    }

    /** One line from the terminal without echo, or from whatever is piped in. The share is never kept. */
    private String readShare() {
        Console console = System.console();
        String share;
        if (console != null && console.isTerminal()) {
            char[] typed = console.readPassword("Unseal key share: ");
            share = typed == null ? null : new String(typed);
            if (typed != null) {
                java.util.Arrays.fill(typed, ' ');
            }
        } else {
            try {
                share = new BufferedReader(new InputStreamReader(vault.root.stdin(), StandardCharsets.UTF_8))
                        .readLine();
            } catch (IOException e) {
                share = null;
            }
        }
        if (share == null || share.isBlank()) {
            throw new UserError(UserError.Kind.CONFIGURATION, "no unseal key share on standard input",
                    "pipe or type one share, e.g. colima-services vault unseal --key-stdin < share.txt");
        }
        return share.strip();
    }
}
