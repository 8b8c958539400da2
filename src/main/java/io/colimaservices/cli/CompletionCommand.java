package io.colimaservices.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code completion bash|zsh}: the shell completion script picocli generates from the commands themselves
 * ({@link AutoComplete#bash}), so it always matches them. picocli writes one script for both shells: zsh runs it
 * through bash completion's compatibility layer ({@code bashcompinit}), which the script loads itself when it
 * finds itself in zsh.
 */
@Command(name = "completion", description = {"Prints a shell completion script for this command line.",
        "bash: source <(colima-services completion bash), or save it into ~/.local/share/bash-completion/"
                + "completions/colima-services.",
        "zsh: source <(colima-services completion zsh) in ~/.zshrc (the same script; zsh runs it through "
                + "bashcompinit, which it loads itself)."})
final class CompletionCommand implements Callable<Integer> {
    enum Shell { BASH, ZSH }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @Override
    public Integer call() {
        CommandLine top = spec.root().commandLine();
        spec.commandLine().getOut().print(AutoComplete.bash(top.getCommandName(), top));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
