package io.colimaservices.cli;

import io.colimaservices.domain.Dependency;
import io.colimaservices.domain.ServiceDefinition;
import io.colimaservices.domain.ServiceGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "groups", description = "Lists each group with its services (from the compose file; Docker is not "
        + "asked): the stack's five groups first, then any other group alphabetically.",
        footer = {"", "JSON (--json): groups [{name, services [{name, dependsOn, profiles}]}]."})
final class GroupsCommand implements Callable<Integer> {

    @ParentCommand
    CliRoot root;

    @Spec
    CommandSpec spec;

    @Mixin
    Options.Json json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Map<ServiceGroup, List<ServiceDefinition>> groups = root.useCases().stack().groups();
        if (json.json) {
            out.println(Json.pretty(Map.of("groups", groups(groups))));
            return ExitCodes.OK;
        }
        for (Map.Entry<ServiceGroup, List<ServiceDefinition>> group : groups.entrySet()) {
            out.printf("%s: %s%n", group.getKey().label(),
                    String.join(", ", group.getValue().stream().map(ServiceDefinition::name).toList()));
        }
        return ExitCodes.OK;
    }

    private static List<Map<String, Object>> groups(Map<ServiceGroup, List<ServiceDefinition>> all) {
        List<Map<String, Object>> groups = new ArrayList<>();
        all.forEach((group, members) -> {
            List<Map<String, Object>> services = new ArrayList<>();
            for (ServiceDefinition d : members) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("name", d.name());
                item.put("dependsOn", d.dependsOn().stream().map(Dependency::service).toList());
                item.put("profiles", List.copyOf(d.profiles()));
                services.add(item);
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", group.label());
            item.put("services", services);
            groups.add(item);
        });
        return groups;
    }
}
