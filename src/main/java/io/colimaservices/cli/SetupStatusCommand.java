package io.colimaservices.cli;

import io.colimaservices.usecase.SetupStep;
import io.colimaservices.usecase.SetupUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code setup status [--json]}: the checklist as live checks find it; changes nothing. */
@Command(name = "status", description = "Shows every setup step's state (done, todo, running, failed, blocked, "
        + "skipped), what was found and the action that moves it. Changes nothing.",
        footer = {"", "JSON (--json): {\"steps\": [{id, title, state, detail, action}]}, ids in order: colima, vm, "
                + "docker, compose, images, vault-init, vault-unseal, vault-bootstrap, agent, redis-cluster, "
                + "forgejo-admin, ca (optional), tier."})
final class SetupStatusCommand implements Callable<Integer> {
    @ParentCommand
    SetupCommand setup;

    @Spec
    CommandSpec spec;

    @Mixin
    Options.Json json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<SetupStep> steps = setup.useCase().status(setup.tier());
        if (json.json) {
            out.println(Json.pretty(Map.of("steps", steps.stream().map(SetupStatusCommand::json).toList())));
            return ExitCodes.OK;
        }
        steps.forEach(step -> out.println(SetupCommand.row(step) + (step.state().settled() ? ""
                : "\n" + " ".repeat(26) + "-> " + step.action())));
        out.println(SetupUseCase.finished(steps) ? "Setup is finished." : "Setup is not finished: colima-services setup");
        return ExitCodes.OK;
    }

    private static Map<String, Object> json(SetupStep step) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", step.id());
        m.put("title", step.title());
        m.put("state", step.state().label());
        m.put("detail", step.detail());
        m.put("action", step.action());
        m.put("optional", step.optional());
        return m;
    }
}
