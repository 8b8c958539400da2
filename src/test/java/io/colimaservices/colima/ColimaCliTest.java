package io.colimaservices.colima;

import io.colimaservices.domain.UserError;
import io.colimaservices.domain.VmDeletion;
import io.colimaservices.domain.VmPhase;
import io.colimaservices.domain.VmProgress;
import io.colimaservices.domain.VmRuntime;
import io.colimaservices.domain.VmSpec;
import io.colimaservices.domain.VmState;
import io.colimaservices.testing.ColimaStandIn;
import io.colimaservices.testing.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Colima adapter against the stand-in executable: every status case, start, stop, delete, deadlines. */
class ColimaCliTest {
    private static final ColimaHost MAC = new ColimaHost(true, true);
    private static final Duration SHORT = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    private ColimaCli colima(ColimaStandIn standIn, String... settings) {
        ColimaExecutable executable = new ColimaExecutable(Optional.of(standIn.executable()), "test", List.of());
        return new ColimaCli(executable, () -> MAC, standIn.environment(settings), Duration.ofSeconds(20),
                Duration.ofMillis(500));
    }

    @Test
    void runningStatusMapsEveryFieldFromStatusJson() {
        ColimaStandIn standIn = ColimaStandIn.install(dir);

        VmState vm = colima(standIn, "STANDIN_SOCKET=/Users/me/.colima/default/docker.sock").status("default");

        assertThat(vm.phase()).isEqualTo(VmPhase.RUNNING);
        assertThat(vm.arch()).contains("aarch64");
        assertThat(vm.cpus()).isEqualTo(4);
        assertThat(vm.memoryGiB()).isEqualTo(8.0);
        assertThat(vm.diskGiB()).isEqualTo(60.0);
        assertThat(vm.socket()).contains("unix:///Users/me/.colima/default/docker.sock");
        assertThat(vm.address()).contains("192.168.106.2");
        assertThat(vm.runtime()).contains("docker");
        assertThat(vm.kubernetes()).isFalse();
        assertThat(vm.error()).isEmpty();
        assertThat(standIn.calls()).containsExactly("status --profile default --json");
    }

    @Test
    void nonZeroStatusWithProfileListedIsStoppedNotAnError() {
        ColimaStandIn standIn = ColimaStandIn.install(dir);

        VmState vm = colima(standIn, "STANDIN_STATUS=stopped").status("default");

        assertThat(vm.phase()).isEqualTo(VmPhase.STOPPED);
        assertThat(vm.error()).isEmpty();
        assertThat(vm.cpus()).isEqualTo(4);
        assertThat(vm.memoryGiB()).isEqualTo(8.0);
        assertThat(vm.socket()).isEmpty();
        assertThat(standIn.calls()).containsExactly("status --profile default --json", "list --json");
    }

    @Test
    void profileTheListDoesNotKnowIsAbsent() {
        ColimaStandIn standIn = ColimaStandIn.install(dir);

        VmState vm = colima(standIn, "STANDIN_STATUS=absent").status("default");

        assertThat(vm.phase()).isEqualTo(VmPhase.ABSENT);
        assertThat(vm.error()).isEmpty();
    }

    @Test
    void garbageFromStatusIsUnknownWithTheReason() {
        ColimaStandIn standIn = ColimaStandIn.install(dir);

        VmState vm = colima(standIn, "STANDIN_STATUS=broken").status("default");

        assertThat(vm.phase()).isEqualTo(VmPhase.UNKNOWN);
        assertThat(vm.error()).get().asString()
                .startsWith("colima status --profile default --json printed something that is not Colima's status JSON")
                .contains("panic: runtime error");
    }

    @Test
    void colimaWithoutJsonSupportSaysToUpgrade() {
        ColimaStandIn standIn = ColimaStandIn.install(dir);

        VmState vm = colima(standIn, "STANDIN_STATUS=old").status("default");

        assertThat(vm.phase()).isEqualTo(VmPhase.UNKNOWN);
        assertThat(vm.error()).get().asString().contains("unknown flag: --json").contains("brew upgrade colima");
    }

    @Test
    void notInstalledIsAPhaseAndActionsSayHowToInstall() {
        ColimaExecutable none = new ColimaExecutable(Optional.empty(), "not found",
                List.of("PATH", "/opt/homebrew/bin/colima"));
        ColimaCli colima = new ColimaCli(none, () -> MAC, Map.of("PATH", "/usr/bin:/bin"));

        assertThat(colima.status("default").phase()).isEqualTo(VmPhase.NOT_INSTALLED);
        assertThat(colima.describeTool()).isEqualTo("not installed (looked in PATH, /opt/homebrew/bin/colima)");
        assertThatThrownBy(() -> colima.start(VmSpec.defaults(), SHORT, VmProgress.IGNORE))
                .isInstanceOfSatisfying(UserError.class, e -> {
                    assertThat(e.kind()).isEqualTo(UserError.Kind.VM);
                    assertThat(e.getMessage()).isEqualTo(
                            "Colima is not installed (looked in PATH, /opt/homebrew/bin/colima)");
                    assertThat(e.hint()).contains("brew install colima");
                });
    }

    @Test
    void hungStatusIsUnknownNamingTheDeadline() {
        ColimaStandIn standIn = ColimaStandIn.install(dir);
        ColimaExecutable executable = new ColimaExecutable(Optional.of(standIn.executable()), "test", List.of());
        ColimaCli colima = new ColimaCli(executable, () -> MAC, standIn.environment("STANDIN_STATUS=hang"),
                Duration.ofMillis(700), Duration.ofMillis(500));

        VmState vm = colima.status("default");

        assertThat(vm.phase()).isEqualTo(VmPhase.UNKNOWN);
        assertThat(vm.error()).get().asString()
                .startsWith("colima status --profile default --json did not finish within 700ms; it was killed");
        assertNoLeftovers(standIn);
    }

    @Test
    void listReadsOneObjectPerLine() {
        ColimaStandIn standIn = ColimaStandIn.install(dir);

        List<VmState> all = colima(standIn, "STANDIN_STATUS=stopped").list();

        assertThat(all).extracting(VmState::profile).containsExactly("default", "work");
        VmState work = all.get(1);
        assertThat(work.phase()).isEqualTo(VmPhase.STOPPED);
        assertThat(work.arch()).contains("x86_64");
        assertThat(work.diskGiB()).isEqualTo(100.0);
        assertThat(work.runtime()).contains("docker");
        assertThat(work.kubernetes()).isTrue();
    }

    @Test
    void startPassesTheSpecAndStreamsLinesWhileTheToolRuns() {
        ColimaStandIn standIn = ColimaStandIn.install(dir);
        List<String> lines = new CopyOnWriteArrayList<>();
        VmSpec spec = VmSpec.defaults().withProfile("dev").withCpus(6).withMemoryGiB(12).withDiskGiB(80);

        // The stand-in waits for "go", which only the first progress line creates: if lines were handed on only
        // at the end, it would never finish (and fail after 20 s).
        colima(standIn, "STANDIN_START=wait").start(spec, Duration.ofSeconds(30), line -> {
            lines.add(line);
            if (line.contains("starting colima")) {
                standIn.go();
            }
        });

        assertThat(standIn.calls()).containsExactly("start --profile dev --cpu 6 --memory 12 --disk 80 --arch aarch64"
                + " --vm-type vz --vz-rosetta --network-address");
        assertThat(lines.getFirst()).isEqualTo("$ colima start --profile dev --cpu 6 --memory 12 --disk 80 --arch "
                + "aarch64 --vm-type vz --vz-rosetta --network-address");
        assertThat(lines).anyMatch(l -> l.contains("msg=\"starting colima [profile=dev]\""))
                .anyMatch(l -> l.contains("msg=\"done\""));
    }

    @Test
    void failedStartNamesTheCommandExitAndReason() {
        ColimaStandIn standIn = ColimaStandIn.install(dir);

        assertThatThrownBy(() -> colima(standIn, "STANDIN_START=fail").start(VmSpec.defaults(), SHORT,
                VmProgress.IGNORE))
                .isInstanceOfSatisfying(UserError.class, e -> {
                    assertThat(e.kind()).isEqualTo(UserError.Kind.VM);
                    assertThat(e.getMessage()).startsWith("colima start --profile default --cpu 4 --memory 8")
                            .contains("failed (exit 1)")
                            .contains("error starting vm: error at 'starting': exit status 1");
                });
    }

    @Test
    void hungStartIsKilledAtItsDeadlineWithItsChildren() {
        ColimaStandIn standIn = ColimaStandIn.install(dir);
        List<String> lines = new CopyOnWriteArrayList<>();
        long before = System.nanoTime();

        assertThatThrownBy(() -> colima(standIn, "STANDIN_START=hang").start(VmSpec.defaults(),
                Duration.ofMillis(1500), lines::add))
                .isInstanceOfSatisfying(UserError.class, e -> {
                    assertThat(e.kind()).isEqualTo(UserError.Kind.VM);
                    assertThat(e.getMessage()).isEqualTo("colima start --profile default --cpu 4 --memory 8 --disk 60 "
                            + "--arch aarch64 --vm-type vz --vz-rosetta --network-address did not finish within 1.5s;"
                            + " it was killed along with 1 child process");
                    assertThat(e.hint()).contains("colima stop --force --profile default");
                });

        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(10));
        assertThat(lines).anyMatch(l -> l.contains("starting colima"));
        assertNoLeftovers(standIn);
    }

    @Test
    void gracefulStopThatHangsIsKilledAndRetriedWithForce() {
        ColimaStandIn standIn = ColimaStandIn.install(dir);
        List<String> lines = new CopyOnWriteArrayList<>();

        colima(standIn, "STANDIN_STOP=hang").stop("default", false, Duration.ofMillis(1000), lines::add);

        assertThat(standIn.calls()).containsExactly("stop --profile default", "stop --profile default --force");
        assertThat(lines).contains("colima stop --profile default did not finish within 1s; it was killed along with"
                + " 1 child process; stopping with --force");
        assertNoLeftovers(standIn);
    }

    @Test
    void forcedStopGoesStraightToForce() {
        ColimaStandIn standIn = ColimaStandIn.install(dir);

        colima(standIn).stop("default", true, SHORT, VmProgress.IGNORE);

        assertThat(standIn.calls()).containsExactly("stop --profile default --force");
    }

    @Test
    void restartStopsARunningVmThenStartsWithTheSpec() {
        ColimaStandIn standIn = ColimaStandIn.install(dir);

        colima(standIn).restart(VmSpec.defaults().withCpus(2), SHORT, VmProgress.IGNORE);

        assertThat(standIn.calls()).containsExactly("status --profile default --json", "stop --profile default",
                "start --profile default --cpu 2 --memory 8 --disk 60 --arch aarch64 --vm-type vz --vz-rosetta "
                        + "--network-address");
    }

    @Test
    void deleteRunsOnlyWithTheTypedNameAndSkipsColimasOwnPrompt() {
        ColimaStandIn standIn = ColimaStandIn.install(dir);
        ColimaCli colima = colima(standIn);

        assertThatThrownBy(() -> VmDeletion.confirm("default", "defualt"))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.kind())
                        .isEqualTo(UserError.Kind.CONFIGURATION));
        colima.delete(VmDeletion.confirm("default", "default"), VmRuntime.DELETE_DEADLINE, VmProgress.IGNORE);

        assertThat(standIn.calls()).containsExactly("delete --profile default --force");
    }

    private static void assertNoLeftovers(ColimaStandIn standIn) {
        for (String name : List.of("standin.pid", "child.pid")) {
            Optional<Long> pid = standIn.pid(name);
            assertThat(pid).as(name + " written by the stand-in").isPresent();
            assertThat(Processes.isRunning(pid.get())).as("process " + pid.get() + " (" + name + ") must be gone")
                    .isFalse();
        }
    }
}
