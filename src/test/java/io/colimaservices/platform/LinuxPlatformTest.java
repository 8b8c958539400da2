package io.colimaservices.platform;

import io.colimaservices.domain.NativePlatform;
import io.colimaservices.testing.Processes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The libc answers, each checked against what the kernel shows another way. */
@EnabledOnOs(OS.LINUX)
class LinuxPlatformTest {
    private static NativePlatform platform;

    @BeforeAll
    static void load() {
        platform = new LinuxPlatform();
    }

    @Test
    void unameMachineIsTheJvmsArchitectureInKernelSpelling() {
        String expected = switch (System.getProperty("os.arch")) {
            case "amd64" -> "x86_64";
            case "aarch64" -> "aarch64";
            default -> System.getProperty("os.arch");
        };
        assertThat(platform.machine()).isEqualTo(expected);
    }

    @Test
    void unameReleaseIsTheJvmsOsVersion() {
        // The JDK fills os.version from uname's release on Linux.
        assertThat(platform.osVersion()).isEqualTo(System.getProperty("os.version")).isNotBlank();
    }

    @Test
    void hostnameIsTheKernels() throws IOException {
        assertThat(platform.hostname()).isEqualTo(Files.readString(Path.of("/proc/sys/kernel/hostname")).strip());
    }

    @Test
    void onlineProcessorsAgreeWithGetconf() {
        String getconf = Processes.run(null, 10, "getconf", "_NPROCESSORS_ONLN").orFail("getconf").output().strip();

        assertThat(platform.onlineCpus()).isEqualTo(Integer.parseInt(getconf)).isPositive();
    }

    @Test
    void physicalMemoryIsMemTotal() throws IOException {
        long memTotalKb = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(l -> l.startsWith("MemTotal:"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")))
                .findFirst().orElseThrow();

        assertThat(platform.physicalMemoryBytes()).isEqualTo(memTotalKb * 1024);
    }

    @Test
    void linuxIsNeitherAppleSiliconNorTranslated() {
        assertThat(platform.osName()).isEqualTo("Linux");
        assertThat(platform.isMacOs()).isFalse();
        assertThat(platform.isAppleSilicon()).isFalse();
        assertThat(platform.isTranslated()).isFalse();
        assertThat(platform.source()).isEqualTo("libc (JNA)");
    }

    @Test
    void currentPicksTheNativeLinuxPlatform() {
        assertThat(NativePlatforms.current()).isInstanceOf(LinuxPlatform.class);
    }
}
