package io.colimaservices.domain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** "Open shell": the command line the terminal runs, and the command to copy when no terminal opens. */
class ShellLauncherTest {
    private final List<List<String>> opened = new ArrayList<>();
    private final TerminalLauncher terminal = (title, command) -> opened.add(command);

    @Test
    void theTerminalRunsTheSameCommandLineAUserWouldType() {
        ShellLauncher launcher = new ShellLauncher(() -> Optional.of(List.of("/Apps/Colima Services")),
                List.of("--project-name", "p"), terminal);
        ShellLauncher.Outcome outcome = launcher.open("postgres", true);
        assertThat(outcome.opened()).isTrue();
        assertThat(opened).containsExactly(List.of("/Apps/Colima Services", "shell", "--project-name", "p",
                "postgres", "--client"));
        assertThat(outcome.commandLine()).isEqualTo("'/Apps/Colima Services' shell --project-name p postgres --client");
    }

    @Test
    void aMissingTerminalGivesTheMessageAndTheCommandToCopy() {
        ShellLauncher launcher = new ShellLauncher(() -> Optional.of(List.of("colima-services")), List.of(),
                (title, command) -> {
                    throw new UserError(UserError.Kind.CONFIGURATION, "Ghostty is not installed",
                            "choose another terminal in Preferences");
                });
        ShellLauncher.Outcome outcome = launcher.open("redis-1", false);
        assertThat(outcome.opened()).isFalse();
        assertThat(outcome.message()).isEqualTo("Cannot open a shell in redis-1: Ghostty is not installed (choose "
                + "another terminal in Preferences)");
        assertThat(outcome.commandLine()).isEqualTo("colima-services shell redis-1");
    }

    @Test
    void withoutACommandLineNothingIsOpened() {
        ShellLauncher launcher = new ShellLauncher(Optional::empty, List.of(), terminal);
        assertThat(launcher.open("db", false).opened()).isFalse();
        assertThat(opened).isEmpty();
    }

    @Test
    void quotingReadsBackInAShell() {
        assertThat(ShellQuoting.join(List.of("a", "b c", "it's", "", "$HOME"))).isEqualTo(
                "a 'b c' 'it'\\''s' '' '$HOME'");
    }
}
