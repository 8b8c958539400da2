package io.colimaservices.engine;

import io.colimaservices.cli.CliRun;
import io.colimaservices.testing.StandInStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tls postgres off} then {@code on}, ten times in a row, on a stand-in stack whose agent renders the flag
 * from the Vault API double: every switch exits 0 with postgres healthy and running with the new flag. Before the
 * restarts were judged by the start after their stop, the stop's own exit (0) failed 4 switches in 6.
 */
class TlsToggleIT {
    private static final int ROUNDS = 10;

    @Test
    void tlsOffThenOnTenTimesInARowExitsZeroWithTheServiceHealthy(@TempDir Path dir) {
        try (StandInStack stack = new StandInStack(dir, Optional.empty()).bootstrapped()) {
            CliRun up = stack.cli("up", "postgres", "--timeout", "60");
            assertThat(up.exitCode()).as(up.out() + up.err()).isZero();
            List<Long> millis = new ArrayList<>();

            for (int round = 1; round <= ROUNDS; round++) {
                for (String state : List.of("off", "on")) {
                    long begin = System.nanoTime();
                    CliRun toggle = stack.cli("tls", "postgres", state);
                    millis.add((System.nanoTime() - begin) / 1_000_000);

                    assertThat(toggle.exitCode()).as("round %d, tls %s:%n%s%s", round, state, toggle.out(),
                            toggle.err()).isZero();
                    assertThat(toggle.out()).contains("Restarted vault-agent, postgres: healthy.");
                    assertThat(stack.inspect("postgres", "{{.State.Health.Status}}")).isEqualTo("healthy");
                    assertThat(stack.docker("exec", stack.containerId("postgres"), "cat", "/tmp/tls").output()
                            .strip()).isEqualTo(state.equals("on") ? "true" : "false");
                }
            }
            System.out.printf("tls toggles: %d, each %s ms (median %d ms)%n", millis.size(), millis,
                    millis.stream().sorted().toList().get(millis.size() / 2));
        }
    }
}
