package io.colimaservices.cli;

import io.colimaservices.domain.NativePlatform;
import io.colimaservices.domain.SocketDiagnosis;
import io.colimaservices.domain.UserError;
import io.colimaservices.domain.VmState;
import io.colimaservices.usecase.VmUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "doctor",
        description = "Everything between you and a working Docker socket: the machine, Colima, "
        + "the settings, the VM, the Docker host the app uses, and what is wrong with the socket, with its fix. "
        + "Exit 0 when the socket answers, 6 when it does not.",
        footer = {"", "JSON (--json): platform, colima, settings {file, problems}, vm (as vm status --json), "
                + "dockerHost {uri, source}, warnings."})
final class VmDoctorCommand implements Callable<Integer> {
    private static final double GIB = 1024.0 * 1024 * 1024;

    @ParentCommand
    VmCommand vm;

    @Spec
    CommandSpec spec;

    @Mixin
    Options.Json json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        VmUseCase.Doctor doctor = vm.useCase().doctor(vm.vmSpec());
        VmState state = doctor.vm();
        if (json.json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("platform", platform(doctor.platform()));
            doc.put("colima", doctor.colima());
            doc.put("settings", Map.of("file", doctor.settingsFile().toString(), "problems",
                    doctor.settingsProblems()));
            doc.put("vm", VmText.json(state));
            doc.put("dockerHost", Map.of("uri", doctor.dockerHost().uri(), "source", doctor.dockerHost().source()));
            doc.put("warnings", doctor.warnings());
            out.println(Json.pretty(doc));
        } else {
            int problems = doctor.settingsProblems().size();
            out.println("Machine: " + describe(doctor.platform()));
            out.println("Colima: " + doctor.colima());
            out.println("Settings: " + doctor.settingsFile() + (problems == 0 ? "" : " (" + problems + " problem"
                    + (problems == 1 ? "" : "s") + ")"));
            doctor.settingsProblems().forEach(p -> out.println("  " + p));
            out.println(VmText.headline(state));
            state.error().ifPresent(e -> out.println("  " + e));
            out.println("The app uses Docker at " + doctor.dockerHost().uri() + " (" + doctor.dockerHost().source()
                    + ")");
            state.socketDiagnosis().ifPresent(d -> VmText.socketLines(d).forEach(out::println));
            doctor.warnings().forEach(w -> out.println("warning: " + w));
        }
        if (!doctor.socketUsable()) {
            SocketDiagnosis diagnosis = state.socketDiagnosis().orElseThrow();
            throw new UserError(UserError.Kind.VM, "the Docker socket of VM '" + state.profile() + "' is not usable: "
                    + diagnosis.condition().label(), diagnosis.fixText());
        }
        return ExitCodes.OK;
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
