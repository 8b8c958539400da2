package io.colimaservices.cli;

import io.colimaservices.app.AppContext;
import io.colimaservices.domain.ServiceDefinition;
import io.colimaservices.domain.UserError;
import io.colimaservices.vault.ConnectionStrings;
import io.colimaservices.vault.KvSecret;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "creds", description = "Prints (or copies) a service's connection string or one field of its secret, "
        + "read from Vault with the app's scoped token.")
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

    @Option(names = "--copy", description = "Copy to the clipboard instead of printing; cleared after --clear-after.")
    boolean copy;

    @Option(names = "--clear-after", paramLabel = "SECONDS", defaultValue = "30",
            description = "With --copy: clear the clipboard after this many seconds if it still holds the value "
                    + "(default: ${DEFAULT-VALUE}).")
    int clearAfter;

    @Override
    public Integer call() {
        AppContext context = root.context();
        ConnectionStrings.Format chosen = ConnectionStrings.Format.parse(format);
        Optional<ServiceDefinition> definition = context.catalog().service(service);
        if (definition.isEmpty()) {
            throw new UserError(UserError.Kind.CONFIGURATION, "unknown service '" + service + "' in "
                    + context.catalog().source(), "services: " + String.join(", ", context.catalog().serviceNames()));
        }
        KvSecret secret = context.vaultActions().secret(VaultPaths.credentialPath(service, definition));
        String value;
        String what;
        if (field != null) {
            value = secret.text(field).orElseThrow(() -> new UserError(UserError.Kind.CONFIGURATION, "secret/"
                    + secret.path() + " has no field '" + field + "'", "fields: " + String.join(", ",
                    secret.data().keySet())));
            what = "the " + field + " of " + service;
        } else {
            value = ConnectionStrings.render(ConnectionStrings.target(definition.get(), secret), chosen);
            what = "the " + chosen.name().toLowerCase(java.util.Locale.ROOT) + " credentials of " + service;
        }
        if (copy) {
            ClipboardCopy.copy(context, spec.commandLine().getOut(), value, what, clearAfter);
        } else {
            spec.commandLine().getOut().println(value);
        }
        return ExitCodes.OK;
    }
}
