package io.colimaservices.cli;

import io.colimaservices.domain.CredentialService;
import io.colimaservices.domain.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "token", description = "Copies a Vault token to the clipboard (cleared after a while). Tokens are "
        + "never printed.")
final class VaultTokenCommand implements Callable<Integer> {

    @ParentCommand
    VaultCommand vault;

    @Spec
    CommandSpec spec;

    @Mixin
    Options.Copy copy;

    @Option(names = "--root", description = "The root token instead of the app's scoped token.")
    boolean rootToken;

    @Override
    public Integer call() {
        if (!copy.copy) {
            throw new UserError(UserError.Kind.CONFIGURATION, "tokens are never printed",
                    "add --copy to put it on the clipboard for " + copy.clearAfter.toSeconds() + " s");
        }
        String token = vault.useCase().token(rootToken ? CredentialService.VaultToken.ROOT
                : CredentialService.VaultToken.APP);
        ClipboardCopy.copy(vault.root.useCases(), spec.commandLine().getOut(), token,
                rootToken ? "the root token" : "the app token", copy.clearAfter);
        return ExitCodes.OK;
    }
}
