package io.colimaservices.app;

import io.colimaservices.cli.CliRoot;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {
    @Test
    void onlyTheAppWithItsDefaultOptionsSkipsTheCommandLine() {
        assertThat(Main.startsTheAppWithDefaults(new String[0])).isTrue();
        assertThat(Main.startsTheAppWithDefaults(new String[] {"--exit-when-ready"})).isTrue();

        assertThat(Main.startsTheAppWithDefaults(new String[] {"status"})).isFalse();
        assertThat(Main.startsTheAppWithDefaults(new String[] {"--project-name", "other"})).isFalse();
        assertThat(Main.startsTheAppWithDefaults(new String[] {"--exit-when-ready", "--docker-host", "unix:///x"}))
                .isFalse();
        assertThat(Main.startsTheAppWithDefaults(new String[] {"--help"})).isFalse();
    }

    @Test
    void theDefaultsAreWhatTheCommandLineGivesWithoutOptions() {
        CliRoot root = new CliRoot();
        new CommandLine(root).parseArgs();

        assertThat(root.launchOptions()).isEqualTo(LaunchOptions.defaults());
    }
}
