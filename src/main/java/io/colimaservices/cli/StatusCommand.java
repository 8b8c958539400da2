package io.colimaservices.cli;

import io.colimaservices.domain.EngineInfo;
import io.colimaservices.domain.PortBinding;
import io.colimaservices.domain.ServiceDefinition;
import io.colimaservices.domain.ServiceGroup;
import io.colimaservices.domain.ServiceStatus;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.UserError;
import io.colimaservices.usecase.StackUseCase;
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
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "status", description = "Shows every service of the stack with its live state.",
        footer = {"", "JSON (--json): project, docker {host, reachable, version, error}, services [{name, group, "
                + "state, health, exitCode, oomKilled, startedAt, stale, ports, publishedPorts}] (\"stale\": true "
                + "for a running service whose definition changed since its container was made)."})
final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    CliRoot root;

    @Spec
    CommandSpec spec;

    @Mixin
    Options.Json json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        StackUseCase stack = root.useCases().stack();
        StackUseCase.Status status;
        try {
            status = stack.status();
        } catch (UserError e) {
            if (json.json && e.kind() == UserError.Kind.DOCKER_UNREACHABLE) {
                EngineInfo info = EngineInfo.unreachable(stack.engineHost(), e.getMessage());
                out.println(Json.pretty(document(root.context().projectName(), info, List.of())));
            }
            throw e;
        }
        status.staleProblem().ifPresent(problem -> spec.commandLine().getErr()
                .println("warning: cannot tell changed definitions: " + problem));
        StackSnapshot snapshot = status.snapshot();
        if (json.json) {
            out.println(Json.pretty(document(snapshot.project(), snapshot.engine(), services(snapshot,
                    status.stale()))));
        } else {
            printTable(out, snapshot, status.stale());
        }
        return ExitCodes.OK;
    }

    static Map<String, Object> document(String project, EngineInfo engine, List<Map<String, Object>> services) {
        Map<String, Object> docker = new LinkedHashMap<>();
        docker.put("host", engine.host());
        docker.put("reachable", engine.reachable());
        docker.put("version", engine.version().orElse(null));
        engine.error().ifPresent(e -> docker.put("error", e));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("project", project);
        doc.put("docker", docker);
        doc.put("services", services);
        return doc;
    }

    static List<Map<String, Object>> services(StackSnapshot snapshot, Set<String> stale) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (ServiceDefinition d : snapshot.catalog().services()) {
            ServiceStatus s = snapshot.status(d.name());
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", d.name());
            item.put("group", d.group().label());
            item.put("state", s.state().label());
            item.put("health", s.health().label());
            s.exitCode().ifPresent(code -> item.put("exitCode", code));
            if (s.oomKilled()) {
                item.put("oomKilled", true);
            }
            s.startedAt().filter(t -> s.isRunning()).ifPresent(t -> item.put("startedAt", t.toString()));
            if (stale.contains(d.name())) {
                item.put("stale", true);
            }
            item.put("ports", ports(d.ports()));
            item.put("publishedPorts", ports(s.ports()));
            list.add(item);
        }
        return list;
    }

    private static List<Map<String, Object>> ports(List<PortBinding> ports) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (PortBinding p : ports) {
            Map<String, Object> item = new LinkedHashMap<>();
            if (!p.hostIp().isEmpty()) {
                item.put("hostIp", p.hostIp());
            }
            item.put("host", p.hostPort());
            item.put("container", p.containerPort());
            item.put("protocol", p.protocol());
            list.add(item);
        }
        return list;
    }

    private static void printTable(PrintWriter out, StackSnapshot snapshot, Set<String> stale) {
        out.printf("Project %s, Docker %s at %s%n", snapshot.project(),
                snapshot.engine().version().orElse("?"), snapshot.engine().host());
        String format = "  %-22s %-12s %-10s %s%n";
        for (Map.Entry<ServiceGroup, List<ServiceDefinition>> group : snapshot.catalog().groups().entrySet()) {
            out.printf("%n%s (%s)%n", group.getKey().displayName(), snapshot.summary(group.getKey()).describe());
            for (ServiceDefinition d : group.getValue()) {
                ServiceStatus s = snapshot.status(d.name());
                String state = s.state().label() + s.exitCode().stream().mapToObj(c -> " (" + c + ")")
                        .findFirst().orElse("");
                String health = s.health() == io.colimaservices.domain.HealthStatus.NONE ? "-" : s.health().label();
                String ports = String.join(" ", d.ports().stream()
                        .filter(p -> p.hostPort() > 0).map(p -> String.valueOf(p.hostPort())).toList());
                out.printf(format, d.name(), state, health, ports
                        + (stale.contains(d.name()) ? "  (definition changed: 'up' recreates it)" : ""));
            }
        }
    }
}
