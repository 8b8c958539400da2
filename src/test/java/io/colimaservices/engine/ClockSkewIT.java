package io.colimaservices.engine;

import io.colimaservices.testing.ComposeProject;
import io.colimaservices.testing.Processes;
import io.colimaservices.testing.TestDocker;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI's {@code up} with the host's clock 5 minutes ahead of the daemon's and 5 minutes behind it (a Colima VM's
 * clock lags the Mac's after sleep), run under Debian's {@code faketime} with the monotonic clock left alone. The
 * stand-in has what went wrong before: a service gated by a one-shot job ({@code service_completed_successfully};
 * host ahead: "migrate failed" although it exited 0) and a plain service counted as up by staying up (host behind:
 * "not running after 30 s" although it ran), and a restart.
 * <p>{@code FAKETIME_FORCE_MONOTONIC_FIX=0}: libfaketime 0.9.10 otherwise rewrites the deadlines of the JVM's timed
 * waits (on the monotonic clock), so that every {@code LockSupport.parkNanos} returns at once and the JVM spins
 * (measured: a 2.8 s {@code status} took 18 s). Host time is still shifted; only the monotonic clock is left alone.
 */
class ClockSkewIT {
    @ParameterizedTest(name = "host clock {0} from the daemon''s")
    @ValueSource(strings = {"+5m", "-5m"})
    void upAndRestartWorkWithTheHostClockAwayFromTheDaemons(String offset) throws Exception {
        Path jar = Path.of(System.getProperty("project.basedir", ".")).resolve("target/colima-services.jar");
        assertThat(jar).as("built by the package phase").exists();
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (Processes.run(null, 10, "sh", "-c", "command -v faketime").exitCode() != 0) {
            if (ci) {
                throw new AssertionError("faketime is not installed (.ci/run installs it)");
            }
            org.junit.jupiter.api.Assumptions.abort("faketime is not installed");
        }
        TestDocker.require();
        try (ComposeProject project = ComposeProject.create(StackActionsIT.CHAIN)) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Path home = Files.createTempDirectory("cs-skew-home");
            Map<String, String> env = Map.of("FAKETIME_DONT_FAKE_MONOTONIC", "1",
                    "FAKETIME_FORCE_MONOTONIC_FIX", "0", "HOME", home.toString(),
                    "XDG_CONFIG_HOME", home.resolve(".config").toString());
            String shifted = Processes.run(null, 30, env, null, "faketime", "-f", offset, "date", "-u", "+%s")
                    .output().strip();
            long skew = Long.parseLong(shifted) - System.currentTimeMillis() / 1000;
            assertThat(Math.abs(Math.abs(skew) - 300)).as("faketime shifts the clock by 5 min (%d s)", skew)
                    .isLessThan(30);

            Processes.Result up = Processes.run(null, 240, env, null, "faketime", "-f", offset, java, "-jar",
                    jar.toString(), "--compose-file", project.file().toString(), "--project-name", project.name(),
                    "up", "apps", "--timeout", "60");

            assertThat(up.exitCode()).as(up.output()).isZero();
            assertThat(up.output()).contains("migrate completed after", "api running after", "worker running after",
                    "4 services ready");

            Processes.Result restart = Processes.run(null, 240, env, null, "faketime", "-f", offset, java, "-jar",
                    jar.toString(), "--compose-file", project.file().toString(), "--project-name", project.name(),
                    "restart", "worker", "--timeout", "60");

            assertThat(restart.exitCode()).as(restart.output()).isZero();
            assertThat(restart.output()).contains("worker running after", "restarted worker in");
        }
    }
}
