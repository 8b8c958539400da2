package io.colimaservices.colima;

import io.colimaservices.domain.VmSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StartArgumentsTest {

    @Test
    void appleSiliconMacGetsEveryFlagOfTheSpec() {
        VmSpec spec = new VmSpec("dev", 4, 8, 60, "aarch64", "vz", true, true, true);

        assertThat(String.join(" ", StartArguments.of(spec, new ColimaHost(true, true))))
                .isEqualTo("start --profile dev --cpu 4 --memory 8 --disk 60 --arch aarch64 --vm-type vz --vz-rosetta "
                        + "--network-address --kubernetes");
    }

    @Test
    void rosettaOnlyWhereLimaSupportsIt() {
        VmSpec qemu = new VmSpec("default", 2, 4, 60, "aarch64", "qemu", true, false, false);
        VmSpec intelVm = new VmSpec("default", 2, 4, 60, "x86_64", "vz", true, false, false);

        assertThat(StartArguments.of(qemu, new ColimaHost(true, true))).doesNotContain("--vz-rosetta")
                .containsSequence("--vm-type", "qemu");
        assertThat(StartArguments.of(intelVm, new ColimaHost(true, true))).doesNotContain("--vz-rosetta");
        assertThat(StartArguments.of(VmSpec.defaults(), new ColimaHost(true, false))).doesNotContain("--vz-rosetta");
    }

    @Test
    void linuxGetsNoMacOnlyFlags() {
        assertThat(String.join(" ", StartArguments.of(VmSpec.defaults(), new ColimaHost(false, false))))
                .isEqualTo("start --profile default --cpu 4 --memory 8 --disk 60 --arch aarch64");
    }
}
