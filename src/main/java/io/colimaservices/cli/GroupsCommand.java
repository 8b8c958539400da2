package io.colimaservices.cli;

import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.Dependency;
import io.colimaservices.domain.ServiceDefinition;
import io.colimaservices.domain.ServiceGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "groups", description = "Lists each group with its services (from the compose file; Docker is not asked).")
final class GroupsCommand implements Callable<Integer> {

    @ParentCommand
    CliRoot root;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print JSON: groups [{name, services [{name, dependsOn}]}].")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Catalog catalog = root.context().catalog();
        if (json) {
            out.println(Json.pretty(Map.of("groups", groups(catalog))));
            return ExitCodes.OK;
        }
        for (Map.Entry<ServiceGroup, List<ServiceDefinition>> group : catalog.groups().entrySet()) {
            out.printf("%s: %s%n", group.getKey().label(),
                    String.join(", ", group.getValue().stream().map(ServiceDefinition::name).toList()));
        }
        return ExitCodes.OK;
    }

    private static List<Map<String, Object>> groups(Catalog catalog) {
        List<Map<String, Object>> groups = new ArrayList<>();
        catalog.groups().forEach((group, members) -> {
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
