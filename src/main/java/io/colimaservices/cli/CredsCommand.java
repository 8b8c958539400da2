package io.colimaservices.cli;

import io.colimaservices.domain.ConnectionFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "creds", description = "Prints (or copies) a service's connection string or one field of its secret, "
        + "read from Vault with the app's scoped token. Only services with an io.colima-services.vault-path label "
        + "have credentials.")
final class CredsCommand implements Callable<Integer> {

    @ParentCommand
    CliRoot root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SERVICE", description = "A service of the stack, e.g. postgres, redis-1, rabbitmq.")
    String service;

    @Option(names = "--field", paramLabel = "NAME", description = "Only this field of the secret (e.g. password).")
    String field;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "url",
            description = "url, jdbc, env or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Mixin
    Options.Copy copy;

    @Override
    public Integer call() {
        ConnectionFormat chosen = ConnectionFormat.parse(format);
        String value = root.useCases().credentials().credentials(service, Optional.ofNullable(field), chosen);
        if (copy.copy) {
            String what = field != null ? "the " + field + " of " + service
                    : "the " + chosen.name().toLowerCase(Locale.ROOT) + " credentials of " + service;
            ClipboardCopy.copy(root.useCases(), spec.commandLine().getOut(), value, what, copy.clearAfter);
        } else {
            spec.commandLine().getOut().println(value);
        }
        return ExitCodes.OK;
    }
}
