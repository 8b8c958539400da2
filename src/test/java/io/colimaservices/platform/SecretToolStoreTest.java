package io.colimaservices.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Secret Service store against a stand-in {@code secret-tool}: a script that keeps items as files and logs its
 * arguments, so the test sees the exact commands, and that secrets travel on stdin/stdout only.
 */
class SecretToolStoreTest {

    private static Path standIn(Path dir, boolean answering) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path script = bin.resolve("secret-tool");
        Files.writeString(script, answering ? """
                #!/bin/sh
                echo "$*" >> "$STANDIN_DIR/calls.log"
                verb="$1"; shift
                [ "$1" = "${1#--label=}" ] || shift
                key="$STANDIN_DIR/item-$2-$4"
                case "$verb" in
                  store) cat > "$key" ;;
                  lookup) [ -f "$key" ] || exit 1; cat "$key" ;;
                  clear) rm -f "$key" ;;
                esac
                """ : """
                #!/bin/sh
                echo "Cannot autolaunch D-Bus without X11 \\$DISPLAY" >&2
                exit 1
                """);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return bin;
    }

    private static Commands commands(Path dir, Path bin, String bus) {
        return new Commands(Map.of("PATH", bin + ":/usr/bin:/bin", "STANDIN_DIR", dir.toString(),
                "DBUS_SESSION_BUS_ADDRESS", bus));
    }

    @Test
    void storesReadsAndClearsThroughSecretToolWithValuesOnStdinOnly(@TempDir Path dir) throws IOException {
        Path bin = standIn(dir, true);
        SecretToolStore store = SecretToolStore.ifAnswering(commands(dir, bin, "unix:path=/run/user/1/bus"))
                .orElseThrow();

        store.write("vault.root-token", "hvs.secret-value");
        assertThat(store.read("vault.root-token")).contains("hvs.secret-value");
        assertThat(store.read("vault.app-token")).isEmpty();
        assertThat(store.delete("vault.root-token")).isTrue();
        assertThat(store.delete("vault.root-token")).isFalse();

        List<String> calls = Files.readAllLines(dir.resolve("calls.log"));
        assertThat(calls).contains(
                "store --label=Colima Services: vault.root-token service colima-services account vault.root-token",
                "lookup service colima-services account vault.root-token",
                "clear service colima-services account vault.root-token");
        assertThat(calls).noneMatch(c -> c.contains("hvs.secret-value"));
        assertThat(store.weaker()).isFalse();
    }

    @Test
    void notUsedWithoutASessionBusOrWhenTheServiceDoesNotAnswer(@TempDir Path dir) throws IOException {
        assertThat(SecretToolStore.ifAnswering(commands(dir, standIn(dir, true), ""))).isEmpty();
        Path silent = Files.createDirectories(dir.resolve("other"));
        assertThat(SecretToolStore.ifAnswering(commands(silent, standIn(silent, false), "unix:path=/x"))).isEmpty();
        assertThat(SecretToolStore.ifAnswering(new Commands(Map.of("PATH", dir.resolve("none").toString(),
                "DBUS_SESSION_BUS_ADDRESS", "unix:path=/x")))).isEmpty();
    }

    @Test
    void fallsBackToTheFileStoreWhenNoSecretServiceAnswers(@TempDir Path dir) {
        var store = SecretStores.forPlatform("Linux", Map.of("PATH", dir.toString()), dir.resolve("support"));
        assertThat(store).isInstanceOf(FileSecretStore.class);
    }
}
