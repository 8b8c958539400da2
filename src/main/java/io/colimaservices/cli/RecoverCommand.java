package io.colimaservices.cli;

import io.colimaservices.domain.StackRecovery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "recover", description = "Does once what the menu-bar app does by itself after a reboot, a sleep or "
        + "a VM or Docker restart: brings back to health what restart policies brought back and what 'up' started "
        + "(less what 'down' stopped), without creating anything: Vault unsealed with the stored shares when "
        + "'Unseal Vault automatically' is on, vault-agent re-armed, what waits for secrets restarted. "
        + "Exit 4 when a service does not come back.")
final class RecoverCommand implements Callable<Integer> {
    @ParentCommand
    CliRoot root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        StackRecovery.Report report = root.useCases().stack().recover("asked on the command line",
                new ProgressPrinter(out, false));
        if (!report.didSomething()) {
            out.println("Nothing to recover: every service that should run is ready.");
        }
        return report.result().succeeded() || report.result().cancelled() ? ExitCodes.OK : ExitCodes.SERVICE_FAILED;
    }
}
