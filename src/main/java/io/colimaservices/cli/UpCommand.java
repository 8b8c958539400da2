package io.colimaservices.cli;

import io.colimaservices.domain.ActionResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "up", description = "Starts groups, services or tiers (none: the default tier of the settings) and what they "
        + "depend on, in dependency order, waiting for each depends_on condition. First pulls the images that are missing, showing their progress as "
        + "pull does (services built from source are skipped with a note). Exit 4 when an image cannot be pulled "
        + "(naming it) or a service fails or times out.",
        footer = {"", "JSON (--json): one object per line: the pulls' events as pull --json prints them, then "
                + "{service, status, message} per step of the start."})
final class UpCommand implements Callable<Integer> {
    @ParentCommand
    CliRoot root;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "TARGET", description = "A group (secrets, data, git, apps, "
            + "observability, or any group of your compose file) or a service.")
    List<String> targets = new ArrayList<>();

    @Option(names = "--tier", paramLabel = "TIER", description = "A tier (minimal, standard, full, reference, or any "
            + "profile of your compose file): its services and those without a profile. Repeatable.")
    List<String> tiers = new ArrayList<>();

    @Mixin
    Options.ReadyTimeout timeout;

    @Mixin
    Options.Verbose verbose;

    @Mixin
    Options.Json json;

    @Override
    public Integer call() {
        ActionResult result = root.useCases().stack().up(targets, tiers, timeout.timeout,
                new UpOutput(spec.commandLine().getOut(), json.json, verbose.verbose));
        return result.succeeded() ? ExitCodes.OK : ExitCodes.SERVICE_FAILED;
    }
}
