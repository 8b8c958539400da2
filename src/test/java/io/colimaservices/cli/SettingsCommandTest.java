package io.colimaservices.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.colimaservices.testing.FakePlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsCommandTest {
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path home;

    private VmCli linux() {
        return new VmCli(Map.of("PATH", "/usr/bin:/bin", "HOME", home.toString()), home, FakePlatform.linux());
    }

    private Path settingsFile() {
        return home.resolve(".config/colima-services/settings.json");
    }

    @Test
    void showJsonListsValuesAndProblemsWithLines() throws Exception {
        Files.createDirectories(settingsFile().getParent());
        Files.writeString(settingsFile(), "{\n  \"colima\": {\"profile\": \"work\", \"cpus\": 0}\n}\n");

        CliRun run = linux().run("settings", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = json.readTree(run.out());
        assertThat(doc.get("file").asText()).isEqualTo(settingsFile().toString());
        assertThat(doc.at("/problems/0").asText())
                .isEqualTo(settingsFile() + ":2: colima.cpus must be a whole number from 1 to 256, found 0; using 4");
        assertThat(doc.at("/colima/profile").asText()).isEqualTo("work");
        assertThat(doc.at("/colima/cpus").asInt()).isEqualTo(4);
        assertThat(doc.get("clipboardClearSeconds").asInt()).isEqualTo(30);
        assertThat(doc.at("/loginItem/file").asText())
                .isEqualTo(home.resolve(".config/autostart/io.colimaservices.app.desktop").toString());
        assertThat(doc.at("/loginItem/installed").asBoolean()).isFalse();
    }

    @Test
    void launchAtLoginOnWritesTheEntryAndKeepsTheBadFileAside() throws IOException {
        Files.createDirectories(settingsFile().getParent());
        Files.writeString(settingsFile(), "{\"colima\": {\"cpus\": 6,}}");
        String previous = System.getProperty("jpackage.app-path");
        System.setProperty("jpackage.app-path", "/opt/colima-services/bin/Colima Services");
        CliRun on;
        try {
            on = linux().run("settings", "launch-at-login", "on");
        } finally {
            if (previous == null) {
                System.clearProperty("jpackage.app-path");
            } else {
                System.setProperty("jpackage.app-path", previous);
            }
        }

        assertThat(on.exitCode()).as(on.err()).isZero();
        Path entry = home.resolve(".config/autostart/io.colimaservices.app.desktop");
        assertThat(Files.readString(entry)).contains("Exec=\"/opt/colima-services/bin/Colima Services\"");
        assertThat(on.out()).contains("problem: " + settingsFile() + ":1:")
                .contains("The settings file had problems: it was kept as " + settingsFile() + ".bad-");
        assertThat(Files.readString(settingsFile())).contains("\"launchAtLogin\" : true");

        CliRun off = linux().run("settings", "launch-at-login", "OFF");

        assertThat(off.exitCode()).as(off.err()).isZero();
        assertThat(entry).doesNotExist();
        assertThat(Files.readString(settingsFile())).contains("\"launchAtLogin\" : false");
        assertThat(off.out()).doesNotContain("kept as");
    }

    @Test
    void launchAtLoginWithoutAnInstalledAppSaysSoAndSavesNothing() {
        CliRun run = linux().run("settings", "launch-at-login", "on");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: launch at login needs the installed app");
        assertThat(settingsFile()).doesNotExist();
    }
}
