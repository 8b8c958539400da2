package io.colimaservices.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VmSpecTest {

    @Test
    void defaultsAreTheStacksVm() {
        VmSpec spec = VmSpec.defaults();

        assertThat(spec).isEqualTo(new VmSpec("default", 4, 8, 60, "aarch64", "vz", true, true, false));
    }

    @Test
    void profileNamesThatCouldReadAsOptionsOrPathsAreRefused() {
        for (String bad : new String[] {"-rf", "--force", "../etc", "a/b", "", "with space"}) {
            assertThatThrownBy(() -> VmSpec.defaults().withProfile(bad))
                    .as(bad)
                    .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.kind())
                            .isEqualTo(UserError.Kind.CONFIGURATION));
        }
        assertThat(VmSpec.defaults().withProfile("work-2.x_y").profile()).isEqualTo("work-2.x_y");
    }

    @Test
    void resourcesOutOfRangeSayTheRange() {
        assertThatThrownBy(() -> VmSpec.defaults().withCpus(0)).hasMessage("cpus must be from 1 to 256, not 0");
        assertThatThrownBy(() -> VmSpec.defaults().withDiskGiB(5))
                .hasMessage("disk (GiB) must be from 10 to 8192, not 5");
        assertThatThrownBy(() -> new VmSpec("default", 4, 8, 60, "arm64", "vz", true, true, false))
                .hasMessage("arch 'arm64' is not one of aarch64, x86_64");
    }

    @Test
    void deletionNeedsTheExactName() {
        assertThat(VmDeletion.confirm("work", " work\n").profile()).isEqualTo("work");
        assertThatThrownBy(() -> VmDeletion.confirm("work", "yes"))
                .hasMessage("not deleting VM 'work': the confirmation typed was 'yes', not the profile's name");
    }
}
