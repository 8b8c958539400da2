package io.colimaservices.cli;

import io.colimaservices.domain.SecretNames;
import io.colimaservices.domain.UserError;
import picocli.CommandLine.Command;
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

    @Option(names = "--copy", description = "Copy the token to the clipboard (required: tokens are never printed).")
    boolean copy;

    @Option(names = "--root", description = "The root token instead of the app's scoped token.")
    boolean rootToken;

    @Option(names = "--clear-after", paramLabel = "SECONDS", defaultValue = "30",
            description = "Clear the clipboard after this many seconds if it still holds the token "
                    + "(default: ${DEFAULT-VALUE}).")
    int clearAfter;

    @Override
    public Integer call() {
        if (!copy) {
            throw new UserError(UserError.Kind.CONFIGURATION, "tokens are never printed",
                    "add --copy to put it on the clipboard for " + clearAfter + " s");
        }
        String name = rootToken ? SecretNames.ROOT_TOKEN : SecretNames.APP_TOKEN;
        String token = vault.context().vaultActions().token(name);
        ClipboardCopy.copy(vault.context(), spec.commandLine().getOut(), token,
                rootToken ? "the root token" : "the app token", clearAfter);
        return ExitCodes.OK;
    }
}
