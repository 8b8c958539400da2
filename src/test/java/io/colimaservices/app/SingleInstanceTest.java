package io.colimaservices.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One instance, with real processes: a second launch hands its request to the first and exits; once the first has
 * ended (also killed, leaving its socket file behind), the next launch is the first again.
 */
class SingleInstanceTest {
    @TempDir
    Path dir;

    private Process probe(String... request) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), SingleInstanceProbe.class.getName(),
                dir.toString()));
        command.addAll(List.of(request));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static String firstLine(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line = out.readLine();
        return line == null ? "" : line;
    }

    @Test
    void aSecondLaunchHandsItsRequestToTheFirstAndExits() throws Exception {
        Process first = probe();
        try {
            assertThat(firstLine(first)).isEqualTo("primary");

            Process second = probe("show", "compose-file=/x/docker-compose.yml");

            assertThat(second.waitFor(30, TimeUnit.SECONDS)).as("the second launch ends").isTrue();
            assertThat(second.exitValue()).isZero();
            assertThat(firstLine(second)).isEqualTo("handed over: got show|compose-file=/x/docker-compose.yml");
            assertThat(first.isAlive()).as("the first keeps running").isTrue();
        } finally {
            first.getOutputStream().close();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        Process next = probe();
        try {
            assertThat(firstLine(next)).as("the first has ended: the next launch is the first").isEqualTo("primary");
        } finally {
            next.getOutputStream().close();
            next.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aKilledInstanceLeavesNothingThatKeepsTheNextOneFromStarting() throws Exception {
        Process first = probe();
        assertThat(firstLine(first)).isEqualTo("primary");
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.exists(dir.resolve(SingleInstance.SOCKET_FILE))).as("the crash left its socket").isTrue();

        Process next = probe();
        try {
            assertThat(firstLine(next)).isEqualTo("primary");
            Process second = probe("show");
            assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(firstLine(second)).isEqualTo("handed over: got show");
        } finally {
            next.getOutputStream().close();
            next.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void theRunningAppBringsItsWindowForwardUsesAGivenComposeFileAndSaysWhatItDidNotApply() {
        List<String> did = new ArrayList<>();
        LaunchOptions options = new LaunchOptions(java.util.Optional.of(Path.of("/x/stack.yml")), "p",
                java.util.Optional.of("unix:///x.sock"), "http://127.0.0.1:18200", java.util.Optional.empty());

        String answer = SecondLaunch.answer(SecondLaunch.request(options), () -> did.add("window"),
                file -> did.add("compose " + file));

        assertThat(did).containsExactly("window", "compose /x/stack.yml");
        assertThat(answer).isEqualTo("Colima Services is already running: its window is in front; it reads "
                + "/x/stack.yml (its dashboard says how that went); --docker-host and --vault-addr not applied to the running app (set them in its "
                + "Preferences)");
        assertThat(SecondLaunch.answer(SecondLaunch.request(LaunchOptions.defaults()), () -> did.add("window"),
                file -> did.add("compose " + file))).isEqualTo("Colima Services is already running: its window is in "
                + "front");
    }
}
