package io.colimaservices.cli;

import io.colimaservices.domain.SocketDiagnosis;
import io.colimaservices.domain.VmState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How the VM and its socket read on the command line, as text and as JSON. */
final class VmText {
    private VmText() {
    }

    /**
     * {@code vm status --json}: {@code installed}, {@code profile}, {@code state}, {@code arch}, {@code cpus},
     * {@code memoryGiB}, {@code diskGiB}, {@code socket}, {@code address}, {@code runtime}, {@code kubernetes};
     * unknown values are null; {@code error} only when the state could not be read; {@code socketDiagnosis} when
     * one was taken.
     */
    static Map<String, Object> json(VmState vm) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("installed", vm.isInstalled());
        doc.put("profile", vm.profile());
        doc.put("state", vm.phase().label());
        doc.put("arch", vm.arch().orElse(null));
        doc.put("cpus", vm.cpus() > 0 ? vm.cpus() : null);
        doc.put("memoryGiB", vm.memoryGiB() > 0 ? vm.memoryGiB() : null);
        doc.put("diskGiB", vm.diskGiB() > 0 ? vm.diskGiB() : null);
        doc.put("socket", vm.socket().orElse(null));
        doc.put("address", vm.address().orElse(null));
        doc.put("runtime", vm.runtime().orElse(null));
        doc.put("kubernetes", vm.kubernetes());
        vm.error().ifPresent(e -> doc.put("error", e));
        vm.socketDiagnosis().ifPresent(d -> doc.put("socketDiagnosis", json(d)));
        return doc;
    }

    /** {@code condition}, {@code socket}, {@code detail}, {@code action} (an id), {@code actionText}. */
    static Map<String, Object> json(SocketDiagnosis d) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("condition", d.condition().label());
        doc.put("socket", d.socket());
        doc.put("detail", d.detail());
        doc.put("action", d.fix().id());
        doc.put("actionText", d.fixText());
        return doc;
    }

    /** {@code VM default: running (aarch64, 4 CPUs, 8 GiB memory, 60 GiB disk, docker, 192.168.106.2)}. */
    static String headline(VmState vm) {
        List<String> facts = new ArrayList<>();
        vm.arch().ifPresent(facts::add);
        if (vm.cpus() > 0) {
            facts.add(vm.cpus() + (vm.cpus() == 1 ? " CPU" : " CPUs"));
        }
        if (vm.memoryGiB() > 0) {
            facts.add(gib(vm.memoryGiB()) + " memory");
        }
        if (vm.diskGiB() > 0) {
            facts.add(gib(vm.diskGiB()) + " disk");
        }
        vm.runtime().map(r -> vm.kubernetes() ? r + " + kubernetes" : r).ifPresent(facts::add);
        vm.address().ifPresent(facts::add);
        String details = facts.isEmpty() ? "" : " (" + String.join(", ", facts) + ")";
        return "VM " + vm.profile() + ": " + vm.phase().label() + details;
    }

    static List<String> socketLines(SocketDiagnosis d) {
        List<String> lines = new ArrayList<>();
        lines.add("Docker socket: " + d.condition().label() + ": " + d.detail());
        if (!d.fixText().isEmpty()) {
            lines.add("  fix: " + d.fixText() + "   [" + d.fix().id() + "]");
        }
        return lines;
    }

    private static String gib(double value) {
        return value == Math.rint(value)
                ? String.format(Locale.ROOT, "%.0f GiB", value)
                : String.format(Locale.ROOT, "%.2f GiB", value);
    }
}
