package io.colimaservices.cli;

import io.colimaservices.app.AppContext;
import io.colimaservices.docker.DockerHost;
import io.colimaservices.domain.LoadedSettings;
import io.colimaservices.domain.NativePlatform;
import io.colimaservices.domain.SocketDiagnosis;
import io.colimaservices.domain.UserError;
import io.colimaservices.domain.VmAdvice;
import io.colimaservices.domain.VmSpec;
import io.colimaservices.domain.VmState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Everything between you and a working Docker socket: the machine, Colima, "
        + "the settings, the VM, the Docker host the app uses, and what is wrong with the socket, with its fix. "
        + "Exit 0 when the socket answers, 6 when it does not.")
final class VmDoctorCommand implements Callable<Integer> {
    private static final double GIB = 1024.0 * 1024 * 1024;

    @ParentCommand
    VmCommand vm;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print JSON: platform, colima, settings {file, problems}, vm (as vm status "
            + "--json), dockerHost {uri, source}, warnings.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        AppContext context = vm.context();
        NativePlatform platform = context.platform();
        LoadedSettings settings = context.settings();
        VmSpec chosen = vm.vmSpec();
        VmState state = context.vmRuntime().status(chosen.profile());
        SocketDiagnosis diagnosis = context.socketCheck().diagnose(state);
        state = state.withSocketDiagnosis(diagnosis);
        DockerHost host = context.dockerHost();
        List<String> warnings = warnings(platform, chosen);
        String settingsFile = context.settingsRepository().location().toString();

        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("platform", platform(platform));
            doc.put("colima", context.vmRuntime().describeTool());
            doc.put("settings", Map.of("file", settingsFile, "problems", settings.problems()));
            doc.put("vm", VmText.json(state));
            doc.put("dockerHost", Map.of("uri", host.display(), "source", host.source()));
            doc.put("warnings", warnings);
            out.println(Json.pretty(doc));
        } else {
            out.println("Machine: " + describe(platform));
            out.println("Colima: " + context.vmRuntime().describeTool());
            out.println("Settings: " + settingsFile + (settings.clean() ? "" : " (" + settings.problems().size()
                    + " problem" + (settings.problems().size() == 1 ? "" : "s") + ")"));
            settings.problems().forEach(p -> out.println("  " + p));
            out.println(VmText.headline(state));
            state.error().ifPresent(e -> out.println("  " + e));
            out.println("The app uses Docker at " + host.display() + " (" + host.source() + ")");
            VmText.socketLines(diagnosis).forEach(out::println);
            warnings.forEach(w -> out.println("warning: " + w));
        }
        if (!diagnosis.healthy()) {
            throw new UserError(UserError.Kind.VM, "the Docker socket of VM '" + state.profile() + "' is not usable: "
                    + diagnosis.condition().label(), diagnosis.fixText());
        }
        return ExitCodes.OK;
    }

    /** What the machine says that the settings should respect. */
    static List<String> warnings(NativePlatform platform, VmSpec spec) {
        return VmAdvice.warnings(platform, spec);
    }

    private static Map<String, Object> platform(NativePlatform p) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("os", p.osName());
        doc.put("version", p.osVersion());
        doc.put("machine", p.machine());
        doc.put("appleSilicon", p.isAppleSilicon());
        doc.put("translated", p.isTranslated());
        doc.put("cpus", p.onlineCpus());
        doc.put("memoryBytes", p.physicalMemoryBytes());
        doc.put("hostname", p.hostname());
        doc.put("source", p.source());
        return doc;
    }

    private static String describe(NativePlatform p) {
        String silicon = p.isMacOs() ? (p.isAppleSilicon() ? ", Apple Silicon" : ", Intel") : "";
        String rosetta = p.isTranslated() ? ", under Rosetta" : "";
        return p.osName() + " " + p.osVersion() + " on " + p.machine() + silicon + rosetta + ", " + p.onlineCpus()
                + " CPUs, " + String.format(Locale.ROOT, "%.0f GiB", p.physicalMemoryBytes() / GIB) + " [" + p.source()
                + "]";
    }
}
