package io.colimaservices.cli;

import io.colimaservices.testing.TestDocker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built jar as a user runs it ({@code java -jar target/colima-services.jar ...}), in a process of its own: what
 * reaches the terminal is what the command wrote on purpose. In process (CliRun) a test cannot see this: library
 * start-up chatter (SLF4J's "Attempting to load provider") is printed once per JVM, by then long gone.
 */
class QuietCliIT {
    private static final Path JAR = Path.of("target", "colima-services.jar");

    @TempDir
    Path home;

    @Test
    void statusAndVersionWriteNothingOnStderrWhenTheySucceed() throws Exception {
        TestDocker.require();

        Run status = run("status");
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains("vault");
        assertThat(status.err()).isEmpty();

        Run version = run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("colima-services ");
        assertThat(version.err()).isEmpty();
    }

    @Test
    void aFailingCommandSaysWhyInItsOwnWordsOnly() throws Exception {
        Run status = run("status", "--docker-host", "unix://" + home.resolve("no-engine.sock"));

        assertThat(status.exitCode()).isEqualTo(ExitCodes.DOCKER_UNREACHABLE);
        assertThat(status.out()).isEmpty();
        assertThat(status.err().lines()).first().asString().startsWith("error: Docker unreachable at unix://");
        assertThat(status.err().lines()).allMatch(line -> line.startsWith("error: ") || line.startsWith("hint: "));
    }

    @Test
    void theAppWithABadOptionEndsWithOneClearMessageBeforeAnyWindow() throws Exception {
        // No display on purpose: the option must be refused before the toolkit would need one.
        Run app = run("--vault-addr", "127.0.0.1:8200");

        assertThat(app.exitCode()).isEqualTo(ExitCodes.USAGE_OR_CONFIG);
        assertThat(app.out()).isEmpty();
        assertThat(app.err()).isEqualTo("error: --vault-addr '127.0.0.1:8200' is not a Vault address"
                + System.lineSeparator() + "hint: use http://HOST:PORT or https://HOST:PORT, e.g. http://127.0.0.1:8200"
                + System.lineSeparator());
    }

    @Test
    void theAppWithoutADisplaySaysSoInOneLineWithoutAStackTrace() throws Exception {
        Run app = run();

        assertThat(app.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(app.err()).startsWith("error: the menu-bar app could not start: ")
                .doesNotContain("Exception").doesNotContain("\tat ");
        // The message, and where the details are when the file log could be made.
        assertThat(app.err().lines()).hasSizeBetween(1, 2)
                .allMatch(line -> line.startsWith("error: ") || line.startsWith("hint: the details are in "));
    }

    private record Run(int exitCode, String out, String err) {
    }

    /** Runs the jar with this JVM's java, a home of its own and no display. */
    private Run run(String... args) throws IOException, InterruptedException {
        assertThat(JAR).as("the jar (mvn package runs before the integration tests)").isRegularFile();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(home.resolve("out").toFile())
                .redirectError(home.resolve("err").toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.equals("DISPLAY") || name.equals("WAYLAND_DISPLAY")
                || name.startsWith("JAVA_TOOL_OPTIONS") || name.equals("JDK_JAVA_OPTIONS") || name.equals("_JAVA_OPTIONS"));
        environment.put("HOME", home.toString());
        environment.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        environment.put("XDG_STATE_HOME", home.resolve("state").toString());
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not end within 60 s");
        }
        return new Run(process.exitValue(), Files.readString(home.resolve("out"), StandardCharsets.UTF_8),
                Files.readString(home.resolve("err"), StandardCharsets.UTF_8));
    }
}
