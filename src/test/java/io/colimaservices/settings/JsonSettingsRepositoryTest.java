package io.colimaservices.settings;

import io.colimaservices.domain.AppSettings;
import io.colimaservices.domain.LoadedSettings;
import io.colimaservices.domain.SavedSettings;
import io.colimaservices.domain.VmSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class JsonSettingsRepositoryTest {
    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:15:30Z"), ZoneOffset.UTC);

    private JsonSettingsRepository repository() {
        return new JsonSettingsRepository(dir.resolve("support"), clock);
    }

    private Path file() {
        return repository().location();
    }

    private void write(String text) throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), text);
    }

    @Test
    void missingFileIsTheDefaultsWithoutComplaint() {
        LoadedSettings loaded = repository().load();

        assertThat(loaded.settings()).isEqualTo(AppSettings.defaults());
        assertThat(loaded.clean()).isTrue();
    }

    @Test
    void everySettingSurvivesARoundTrip() throws IOException {
        AppSettings chosen = AppSettings.defaults()
                .withVm(new VmSpec("work", 6, 12, 100, "x86_64", "qemu", false, false, true))
                .withComposeFile(Optional.of(Path.of("/Users/me/stack/docker-compose.yml"))).withStartVmOnLaunch(true)
                .withLaunchAtLogin(true).withClipboardClearSeconds(45).withUnsealAutomatically(false)
                .withTerminal(io.colimaservices.domain.TerminalApp.GHOSTTY).withConnections(new io.colimaservices.domain.Connections(
                Optional.of("https://vault.local:8200"), Optional.of(Path.of("/Users/me/ca.pem")),
                Optional.of("unix:///Users/me/.colima/work/docker.sock")))
                .withDefaultTier("full").withBackups(new io.colimaservices.domain.backup.BackupSettings(
                        Optional.of(Path.of("/Volumes/usb/backups")), true, true, 14));

        SavedSettings saved = repository().save(chosen);
        LoadedSettings loaded = repository().load();

        assertThat(saved.file()).isEqualTo(file());
        assertThat(saved.movedAside()).isEmpty();
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.settings()).isEqualTo(chosen);
        assertThat(Files.readString(file())).contains("\"version\" : 1").contains("\"memoryGiB\" : 12");
        try (Stream<Path> files = Files.list(file().getParent())) {
            assertThat(files).as("no temporary file left behind").containsExactly(file());
        }
    }

    @Test
    void theBackupSettingsRoundTripAndABadOneIsNamed() throws IOException {
        AppSettings chosen = AppSettings.defaults().withBackups(new io.colimaservices.domain.backup.BackupSettings(
                Optional.of(Path.of("/Volumes/usb/backups")), true, true, 14));
        repository().save(chosen);
        assertThat(repository().load().settings()).isEqualTo(chosen);
        assertThat(Files.readString(file())).contains("\"backups\"", "\"keep\" : 14");
        write("""
                {
                  "backups": {"folder": "relative/dir", "keep": 0, "daily": true, "hourly": true}
                }
                """);
        LoadedSettings loaded = repository().load();
        assertThat(loaded.settings().backups()).isEqualTo(new io.colimaservices.domain.backup.BackupSettings(
                Optional.empty(), false, true, io.colimaservices.domain.backup.BackupSettings.DEFAULT_KEEP));
        assertThat(loaded.problems()).hasSize(3).anyMatch(p -> p.contains(":2: backups.folder must be an absolute path"))
                .anyMatch(p -> p.contains("backups.keep must be a whole number from 1 to 365"))
                .anyMatch(p -> p.contains("unknown setting 'backups.hourly'"));
    }

    @Test
    void anUnusableVaultAddressInTheFileIsAProblemWithItsLineAndTheDefaults() throws IOException {
        write("""
                {"launchAtLogin": true,
                 "vaultAddress": "127.0.0.1:8200"}
                """);

        LoadedSettings loaded = repository().load();

        assertThat(loaded.settings().launchAtLogin()).isTrue();
        assertThat(loaded.settings().connections()).isEqualTo(io.colimaservices.domain.Connections.none());
        assertThat(loaded.problems()).singleElement().asString().contains(":2:")
                .contains("Vault address '127.0.0.1:8200' is not a Vault address");
    }

    @Test
    void partialFileKeepsWhatItSaysAndDefaultsTheRest() throws IOException {
        write("""
                {"colima": {"cpus": 8}, "launchAtLogin": true}
                """);

        LoadedSettings loaded = repository().load();

        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.settings().vm()).isEqualTo(VmSpec.defaults().withCpus(8));
        assertThat(loaded.settings().launchAtLogin()).isTrue();
        assertThat(loaded.settings().clipboardClearSeconds()).isEqualTo(30);
        assertThat(loaded.settings().unsealAutomatically()).as("on unless said otherwise").isTrue();
    }

    @Test
    void theTerminalIsReadByItsWordAndAnUnknownOneIsNamed() throws IOException {
        write("""
                {"terminal": "wezterm"}
                """);
        assertThat(repository().load().settings().terminal()).isEqualTo(io.colimaservices.domain.TerminalApp.WEZTERM);
        write("""
                {
                  "terminal": "hyper"
                }
                """);
        LoadedSettings loaded = repository().load();
        assertThat(loaded.settings().terminal()).isEqualTo(io.colimaservices.domain.TerminalApp.TERMINAL);
        assertThat(loaded.problems()).containsExactly(file() + ":2: terminal must be one of terminal, iterm2, "
                + "ghostty, wezterm, kitty, alacritty, warp, found \"hyper\"; using \"terminal\"");
    }

    @Test
    void theDefaultTierIsStandardUnlessChosenKeptWhenSavedAndABlankOneIsNamed() throws IOException {
        write("{}");
        assertThat(repository().load().settings().defaultTier()).isEqualTo("standard");
        repository().save(AppSettings.defaults().withDefaultTier("minimal"));
        assertThat(repository().load().settings().defaultTier()).isEqualTo("minimal");
        write("""
                {
                  "defaultTier": " "
                }
                """);
        LoadedSettings loaded = repository().load();
        assertThat(loaded.settings().defaultTier()).isEqualTo("standard");
        assertThat(loaded.problems()).containsExactly(file() + ":2: defaultTier must name a tier; using \"standard\"");
    }

    @Test
    void badValuesAreNamedWithTheirLineAndOnlyThoseGetDefaults() throws IOException {
        write("""
                {
                  "version": 1,
                  "colima": {
                    "profile": "work",
                    "cpus": "four",
                    "memoryGiB": 16,
                    "diskGiB": 2,
                    "arch": "arm64",
                    "rosetta": "yes"
                  },
                  "clipboardClearSeconds": 12.5,
                  "theme": "dark"
                }
                """);

        LoadedSettings loaded = repository().load();

        assertThat(loaded.settings().vm()).isEqualTo(new VmSpec("work", 4, 16, 60, "aarch64", "vz", true, true, false));
        assertThat(loaded.settings().clipboardClearSeconds()).isEqualTo(30);
        assertThat(loaded.problems()).containsExactlyInAnyOrder(
                file() + ":12: unknown setting 'theme' (ignored)",
                file() + ":5: colima.cpus must be a whole number from 1 to 256, found \"four\"; using 4",
                file() + ":7: colima.diskGiB must be a whole number from 10 to 8192, found 2; using 60",
                file() + ":8: colima.arch must be one of aarch64, x86_64, found \"arm64\"; using \"aarch64\"",
                file() + ":9: colima.rosetta must be true or false, found \"yes\"; using true",
                file() + ":11: clipboardClearSeconds must be a whole number from 1 to 600, found 12.5; using 30");
    }

    @Test
    void corruptedFileGivesTheDefaultsAndTheLineOfTheError() throws IOException {
        write("""
                {
                  "colima": {
                    "cpus": 4,,
                  }
                }
                """);

        LoadedSettings loaded = repository().load();

        assertThat(loaded.settings()).isEqualTo(AppSettings.defaults());
        assertThat(loaded.problems()).singleElement().asString()
                .startsWith(file() + ":3:")
                .contains("invalid JSON")
                .endsWith("; using the default settings");
    }

    @Test
    void duplicateKeysAndNonObjectsAndEmptyFilesAreProblemsNotCrashes() throws IOException {
        write("{\"launchAtLogin\": true,\n \"launchAtLogin\": false}");
        assertThat(repository().load().problems()).singleElement().asString()
                .startsWith(file() + ":2:").contains("Duplicate field 'launchAtLogin'");

        write("[1, 2]");
        assertThat(repository().load().problems())
                .containsExactly(file() + ":1: expected a JSON object, found array; using the default settings");

        write("");
        assertThat(repository().load().problems())
                .containsExactly(file() + ": empty file; using the default settings");

        Files.write(file(), new byte[] {(byte) 0xC3, (byte) 0x28});
        assertThat(repository().load().problems())
                .containsExactly(file() + ": not UTF-8 text; using the default settings");
    }

    @Test
    void savingOverABadFileMovesItAsideFirst() throws IOException {
        String handEdited = "{\"colima\": {\"cpus\": 6,}}\n";
        write(handEdited);
        LoadedSettings loaded = repository().load();

        SavedSettings saved = repository().save(loaded.settings().withLaunchAtLogin(true));

        Path aside = dir.resolve("support/settings.json.bad-20261127-101530");
        assertThat(saved.movedAside()).contains(aside);
        assertThat(Files.readString(aside)).isEqualTo(handEdited);
        assertThat(repository().load().clean()).isTrue();
        assertThat(repository().load().settings().launchAtLogin()).isTrue();

        write("{\"colima\": []}");
        assertThat(repository().save(AppSettings.defaults()).movedAside())
                .contains(dir.resolve("support/settings.json.bad-20261127-101530-2"));
    }

    @Test
    void savingOverAGoodFileReplacesIt() throws IOException {
        write("{\"colima\": {\"cpus\": 6}}\n");

        SavedSettings saved = repository().save(AppSettings.defaults());

        assertThat(saved.movedAside()).isEmpty();
        try (Stream<Path> files = Files.list(file().getParent())) {
            assertThat(files).containsExactly(file());
        }
    }
}
