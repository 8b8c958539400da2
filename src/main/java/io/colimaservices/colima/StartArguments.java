package io.colimaservices.colima;

import io.colimaservices.domain.VmSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * The arguments of {@code colima start} for a spec (flag names as Colima's {@code cmd/start.go} declares them):
 * {@code --profile}, {@code --cpu}, {@code --memory} (GiB), {@code --disk} (GiB), {@code --arch}, and on macOS
 * {@code --vm-type}, {@code --vz-rosetta} (Apple Silicon, vz, aarch64 only), {@code --network-address};
 * {@code --kubernetes} when asked.
 */
final class StartArguments {
    private StartArguments() {
    }

    static List<String> of(VmSpec spec, ColimaHost host) {
        List<String> args = new ArrayList<>(List.of("start", "--profile", spec.profile(),
                "--cpu", String.valueOf(spec.cpus()),
                "--memory", String.valueOf(spec.memoryGiB()),
                "--disk", String.valueOf(spec.diskGiB()),
                "--arch", spec.arch()));
        if (host.macOs()) {
            args.add("--vm-type");
            args.add(spec.vmType());
            // Rosetta runs amd64 binaries inside an arm64 VM; Lima supports it for vz only.
            if (spec.rosetta() && host.appleSilicon() && spec.vmType().equals("vz") && spec.arch().equals("aarch64")) {
                args.add("--vz-rosetta");
            }
            if (spec.networkAddress()) {
                args.add("--network-address");
            }
        }
        if (spec.kubernetes()) {
            args.add("--kubernetes");
        }
        return args;
    }
}
