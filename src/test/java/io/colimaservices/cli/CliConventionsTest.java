package io.colimaservices.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command line's conventions: one duration syntax, shared options, completion scripts, JSON output. */
class CliConventionsTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"30s, PT30S", "2m, PT2M", "1h30m, PT1H30M", "90, PT1M30S", "500ms, PT0.5S", "2d, PT48H",
            "1H, PT1H"})
    void oneDurationSyntax(String text, String iso) {
        assertThat(new DurationConverter().convert(text)).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"0", "0s", "PT15M", "2 m", "2m junk", "m", "-5s", ""})
    void anythingElseIsNoDuration(String text) {
        assertThatThrownBy(() -> new DurationConverter().convert(text))
                .isInstanceOf(CommandLine.TypeConversionException.class);
    }

    /** Parses a command line as the real one does (converters registered by CliMain) and returns the command run. */
    private static Object parsed(String... args) {
        CliRoot root = new CliRoot();
        CommandLine cli = new CommandLine(root);
        cli.registerConverter(Duration.class, new DurationConverter());
        List<CommandLine> commands = cli.parseArgs(args).asCommandLineList();
        return commands.getLast().getCommand();
    }

    @Test
    void timeoutsTakeTheOneSyntaxEverywhere() {
        assertThat(((UpCommand) parsed("up", "--timeout", "2m", "frontend")).timeout.timeout)
                .isEqualTo(Duration.ofMinutes(2));
        assertThat(((UpCommand) parsed("up", "data")).timeout.timeout).isEqualTo(Duration.ofMinutes(2));
        assertThat(((RestartCommand) parsed("restart", "--timeout", "90s", "postgres")).timeout.timeout)
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(((RecreateCommand) parsed("recreate", "--timeout", "120", "postgres")).timeout.timeout)
                .isEqualTo(Duration.ofMinutes(2));
        assertThat(((VmStartCommand) parsed("vm", "start", "--timeout", "1h30m")).timeout)
                .isEqualTo(Duration.ofMinutes(90));
        assertThat(((VmStopCommand) parsed("vm", "stop")).timeout).isEqualTo(Duration.ofMinutes(2));
        assertThat(((CredsCommand) parsed("creds", "postgres", "--copy", "--clear-after", "45")).copy.clearAfter)
                .isEqualTo(Duration.ofSeconds(45));
        assertThat(((PullCommand) parsed("pull", "--stall-timeout", "2m")).stallTimeout)
                .isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aBadDurationIsAUsageError() {
        CliRun run = CliRun.of("up", "--timeout", "soon", "data");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'soon' is not a duration (like 30s, 2m, 1h30m, or a number of seconds)");
    }

    @Test
    void everyCommandHasHelpAndEveryReportingCommandHasJson() {
        CommandLine cli = new CommandLine(new CliRoot());
        List<String> withoutHelp = new ArrayList<>();
        List<String> withoutJson = new ArrayList<>();
        List<String> reporting = List.of("status", "groups", "watch", "vault status", "vm status", "vm doctor",
                "settings", "ca status", "pull");
        walk(cli, "", (name, command) -> {
            if (command.getCommandSpec().findOption("--help") == null) {
                withoutHelp.add(name);
            }
            if (reporting.contains(name) && command.getCommandSpec().findOption("--json") == null) {
                withoutJson.add(name);
            }
        });
        assertThat(withoutHelp).isEmpty();
        assertThat(withoutJson).isEmpty();
    }

    private static void walk(CommandLine command, String prefix,
                             java.util.function.BiConsumer<String, CommandLine> visit) {
        command.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandSpec().aliases().length > 0 && !name.equals(sub.getCommandName())) {
                return;
            }
            String full = prefix.isEmpty() ? name : prefix + " " + name;
            visit.accept(full, sub);
            walk(sub, full, visit);
        });
    }

    @Test
    void completionPrintsAScriptBashAcceptsAndThatCompletesTheCommands() throws Exception {
        CliRun run = CliRun.of("completion", "bash");
        assertThat(run.exitCode()).isEqualTo(0);
        Path script = dir.resolve("colima-services.bash");
        Files.writeString(script, run.out());

        assertThat(bash("bash -n " + script).exitCode()).as("bash -n").isEqualTo(0);
        // Sourced, it registers a completion for the command; asked to complete "colima-services gr", it offers
        // "groups"; "colima-services vault un", "unseal".
        Result sourced = bash(". " + script + " && complete -p colima-services"
                + " && COMP_WORDS=(colima-services gr) COMP_CWORD=1 COMP_LINE='colima-services gr' COMP_POINT=18"
                + " && _complete_colima-services && echo \"top: ${COMPREPLY[*]}\""
                + " && COMP_WORDS=(colima-services vault un) COMP_CWORD=2 COMP_LINE='colima-services vault un'"
                + " COMP_POINT=24 && _complete_colima-services && echo \"vault: ${COMPREPLY[*]}\"");
        assertThat(sourced.exitCode()).as(sourced.output()).isEqualTo(0);
        assertThat(sourced.output()).contains("-F _complete_colima-services colima-services")
                .contains("top: groups").contains("vault: unseal");
    }

    @Test
    void zshGetsTheSameScriptWhichLoadsBashcompinitItself() {
        CliRun bash = CliRun.of("completion", "bash");
        CliRun zsh = CliRun.of("completion", "zsh");

        assertThat(zsh.exitCode()).isEqualTo(0);
        assertThat(zsh.out()).isEqualTo(bash.out()).contains("bashcompinit");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result bash(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
