package io.colimaservices.cli;

import io.colimaservices.domain.PullPolicy;
import io.colimaservices.domain.PullResult;
import io.colimaservices.domain.UserError;
import io.colimaservices.usecase.PullUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.Console;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "pull", description = "Pulls the images of groups or services, and of what they depend on (every "
        + "service without TARGET), through the Docker API, showing each image's and layer's progress. Images already "
        + "present are not pulled again; services built from source (build:) are skipped. A broken pull is retried. "
        + "Registry logins come from the docker CLI's configuration and credential helpers. Exit 4 names each image "
        + "that cannot be pulled.",
        footer = {"", "JSON (--json): one object per line per progress event: image, layer, status, current, total "
                + "(and, for the run's own steps, fields such as services, attempt, reason, message)."})
final class PullCommand implements Callable<Integer> {
    @ParentCommand
    CliRoot root;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "TARGET", description = "A group (secrets, data, git, apps, "
            + "observability) or a service; none means every service.")
    List<String> targets = new ArrayList<>();

    @Mixin
    Options.Json json;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "3",
            description = "Images pulled at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--stall-timeout", paramLabel = "DURATION", defaultValue = "60s",
            description = "How long a pull may show no progress before it counts as broken and is retried "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration stallTimeout;

    @Override
    public Integer call() throws InterruptedException {
        if (parallel < 1) {
            throw new UserError(UserError.Kind.CONFIGURATION, "--parallel must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        PullOutput output = json.json ? new PullJsonOutput(out) : new PullScreen(out, onTerminal(), width());
        PullResult result;
        try (PullUseCase.Session pull = root.useCases().pulls().start(targets, PullPolicy.DEFAULT
                .withParallel(parallel).withStallTimeout(stallTimeout), output::accept)) {
            output.follow(pull.run());
            try {
                result = pull.await();
            } finally {
                output.close();
            }
        }
        output.summary(result);
        result.engineUnreachable().ifPresent(failure -> {
            throw new UserError(UserError.Kind.DOCKER_UNREACHABLE, failure.message(), failure.hint());
        });
        if (!result.succeeded()) {
            throw PullOutput.failure(result);
        }
        return ExitCodes.OK;
    }

    private static boolean onTerminal() {
        Console console = System.console();
        return console != null && console.isTerminal() && !"dumb".equals(System.getenv("TERM"));
    }

    private static int width() {
        try {
            return Math.max(40, Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "100").strip()));
        } catch (NumberFormatException e) {
            return 100;
        }
    }
}
