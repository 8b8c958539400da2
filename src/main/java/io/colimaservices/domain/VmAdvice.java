package io.colimaservices.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the machine says about a VM spec, before Colima is asked: warnings, not errors (the spec is valid, Colima
 * would take it, the user may know better). Shown by {@code vm doctor} and the Preferences page.
 */
public final class VmAdvice {
    private static final double GIB = 1024.0 * 1024 * 1024;

    private VmAdvice() {
    }

    /** Rosetta under the JVM, an aarch64 VM on an Intel Mac, more CPUs or memory than the machine has. */
    public static List<String> warnings(NativePlatform platform, VmSpec spec) {
        List<String> warnings = new ArrayList<>();
        if (platform.isTranslated()) {
            warnings.add("this Java runs under Rosetta (x86_64 on Apple Silicon): install the arm64 build of the app");
        }
        if (platform.isMacOs() && !platform.isAppleSilicon() && spec.arch().equals("aarch64")) {
            warnings.add("the VM is set to aarch64 on an Intel Mac, which Colima can only emulate (slowly): set "
                    + "colima.arch to x86_64 in the settings");
        }
        if (spec.cpus() > platform.onlineCpus()) {
            warnings.add("the VM is given " + spec.cpus() + " CPUs but this machine has " + platform.onlineCpus());
        }
        long memory = platform.physicalMemoryBytes();
        if (memory > 0 && spec.memoryGiB() * GIB >= memory) {
            warnings.add("the VM is given " + spec.memoryGiB() + " GiB of memory but this machine has "
                    + String.format(Locale.ROOT, "%.0f GiB", memory / GIB));
        }
        return warnings;
    }
}
