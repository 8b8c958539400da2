package io.colimaservices.cli;

import io.colimaservices.app.CommandLineStack;
import io.colimaservices.domain.ServiceStatus;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.StatusText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;

@Command(name = "watch", description = "Prints a line per service, then one per state change, until interrupted.",
        footer = {"", "JSON (--json): one object per line: time, service, state, health, exitCode; and time, "
                + "docker (reachable or unreachable), host when Docker comes or goes."})
final class WatchCommand implements Callable<Integer> {
    @ParentCommand
    CliRoot root;

    @Spec
    CommandSpec spec;

    @Mixin
    Options.Json json;

    private final Clock clock = Clock.systemUTC();
    private final Map<String, String> shown = new HashMap<>();
    private Boolean dockerShown;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        // Closed with the context when the command ends.
        CommandLineStack live = root.context().commandLineStack();
        LinkedBlockingQueue<StackSnapshot> changes = new LinkedBlockingQueue<>();
        try (AutoCloseable ignored = live.store().subscribe(changes::add)) {
            print(out, live.store().current());
            while (!Thread.currentThread().isInterrupted()) {
                print(out, changes.take());
            }
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return ExitCodes.OK;
    }

    private void print(PrintWriter out, StackSnapshot snapshot) {
        boolean reachable = snapshot.engine().reachable();
        if (dockerShown != null && dockerShown != reachable) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("time", clock.instant().toString());
            line.put("docker", reachable ? "reachable" : "unreachable");
            line.put("host", snapshot.engine().host());
            out.println(json.json ? Json.line(line) : line.get("time") + " docker " + line.get("docker"));
        }
        dockerShown = reachable;
        if (!reachable) {
            out.flush();
            return;
        }
        for (ServiceStatus s : snapshot.services().values()) {
            String key = s.state() + "/" + s.health() + "/" + s.exitCode();
            if (Objects.equals(shown.put(s.service(), key), key)) {
                continue;
            }
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("time", clock.instant().toString());
            line.put("service", s.service());
            line.put("state", s.state().label());
            line.put("health", s.health().label());
            line.put("exitCode", s.exitCode().isPresent() ? s.exitCode().getAsInt() : null);
            out.println(json.json ? Json.line(line) : line.get("time") + " " + s.service() + " " + StatusText.state(s));
        }
        out.flush();
    }
}
