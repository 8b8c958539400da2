package io.colimaservices.platform;

import io.colimaservices.domain.CaCertificate;
import io.colimaservices.domain.TrustReport;
import io.colimaservices.domain.UserError;
import io.colimaservices.vault.TestPki;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The keychain path against a stand-in {@code security} that checks every argument list against security(1) as the
 * adapter must use it (login keychain of the given HOME, per-user trust settings: never {@code -d}) and keeps
 * keychain items and trust settings as files. What the real tool and the system dialog do is verified only on a
 * Mac.
 */
class KeychainTrustStoreTest {
    private static final String NAME = "Colima Services Root CA";
    private static final String STAND_IN = """
            #!/bin/sh
            # Stand-in for macOS's security(1). Items: $S/items/SHA1.pem; user trust settings: $S/trust/SHA1.
            S="$STANDIN_DIR"
            echo "$*" >> "$S/calls.log"
            sha1() { openssl x509 -in "$1" -noout -fingerprint -sha1 | sed 's/.*=//; s/://g'; }
            bad() { echo "UNEXPECTED: $*" >> "$S/calls.log"; echo "unexpected arguments: $*" >&2; exit 2; }
            case "$1" in
              find-certificate)
                [ "$#" -eq 6 ] && [ "$2" = -a ] && [ "$3" = -Z ] && [ "$4" = -c ] && [ "$6" = "$KEYCHAIN" ] || bad "$@"
                found=0
                for f in "$S"/items/*.pem; do
                  [ -f "$f" ] || continue
                  openssl x509 -in "$f" -noout -subject -nameopt RFC2253 | grep -qF "$5" || continue
                  found=1
                  printf 'keychain: "%s"\\nversion: 512\\nclass: 0x80001000\\nSHA-256 hash: %s\\nSHA-1 hash: %s\\n' \\
                    "$6" 0000 "$(basename "$f" .pem)"
                done
                if [ "$found" = 0 ]; then
                  echo "security: SecKeychainSearchCopyNext: The specified item could not be found in the keychain." >&2
                  exit 44
                fi ;;
              verify-cert)
                [ "$#" -eq 8 ] && [ "$2" = -c ] && [ "$4" = -p ] && [ "$5" = ssl ] && [ "$6" = -l ] && [ "$7" = -L ] \\
                  && [ "$8" = -q ] || bad "$@"
                [ -f "$S/trust/$(sha1 "$3")" ] || exit 1 ;;
              add-trusted-cert)
                [ "$#" -eq 8 ] && [ "$2" = -r ] && [ "$3" = trustRoot ] && [ "$4" = -p ] && [ "$5" = ssl ] \\
                  && [ "$6" = -k ] && [ "$7" = "$KEYCHAIN" ] || bad "$@"
                if [ -n "$DECLINE" ]; then
                  echo "SecTrustSettingsSetTrustSettings: The authorization was canceled by the user." >&2; exit 1
                fi
                h=$(sha1 "$8"); cp "$8" "$S/items/$h.pem"; touch "$S/trust/$h" ;;
              remove-trusted-cert)
                [ "$#" -eq 2 ] || bad "$@"
                h=$(sha1 "$2")
                [ -f "$S/trust/$h" ] || { echo "SecTrustSettingsRemoveTrustSettings: not found" >&2; exit 1; }
                rm "$S/trust/$h" ;;
              delete-certificate)
                [ "$2" = -Z ] || bad "$@"
                h="$3"; shift 3
                if [ "$1" = -t ]; then rm -f "$S/trust/$h"; shift; fi
                [ "$#" -eq 1 ] && [ "$1" = "$KEYCHAIN" ] || bad "$@"
                [ -f "$S/items/$h.pem" ] || { echo "Unable to delete certificate matching \\"$h\\"" >&2; exit 1; }
                rm "$S/items/$h.pem" ;;
              *) bad "$@" ;;
            esac
            """;

    @TempDir
    Path dir;
    Path home;
    Path keychain;
    KeychainTrustStore store;
    CaCertificate root;
    Path rootFile;

    @BeforeEach
    void standIn() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.createDirectories(dir.resolve("items"));
        Files.createDirectories(dir.resolve("trust"));
        Path script = bin.resolve("security");
        Files.writeString(script, STAND_IN);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        home = dir.resolve("home");
        keychain = home.resolve("Library/Keychains/login.keychain-db");
        store = new KeychainTrustStore(commands(bin, Map.of()), home);
        root = newRoot();
        rootFile = write("root-ca.pem", root);
    }

    @AfterEach
    void everyCallMatchedTheManPage() throws IOException {
        assertThat(calls()).noneMatch(c -> c.startsWith("UNEXPECTED"));
    }

    private Commands commands(Path bin, Map<String, String> extra) {
        Map<String, String> environment = new java.util.HashMap<>(Map.of("PATH", bin + ":/usr/bin:/bin",
                "STANDIN_DIR", dir.toString(), "KEYCHAIN", keychain.toString(), "HOME", home.toString()));
        environment.putAll(extra);
        return new Commands(environment);
    }

    private static CaCertificate newRoot() {
        return new CaCertificate(TestPki.selfSignedCa(NAME, TestPki.keyPair(), Duration.ofDays(3650)));
    }

    private Path write(String name, CaCertificate certificate) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, certificate.pem());
        return file;
    }

    private List<String> calls() throws IOException {
        Path log = dir.resolve("calls.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    @Test
    void trustAddsPerUserTrustForTlsToTheLoginKeychainAndUntrustRemovesIt() throws IOException {
        TrustReport before = store.status(root, rootFile);
        assertThat(before.trust()).isEqualTo(TrustReport.Trust.NOT_TRUSTED);
        assertThat(before.detail()).isEqualTo("not in the login keychain (" + keychain + ")");
        assertThat(before.store()).isEqualTo(store.description());

        TrustReport trusted = store.trust(root, rootFile);
        assertThat(trusted.trust()).isEqualTo(TrustReport.Trust.TRUSTED);
        assertThat(trusted.detail()).startsWith("trusted for TLS by this Mac's user");
        assertThat(calls()).contains("add-trusted-cert -r trustRoot -p ssl -k " + keychain + " " + rootFile,
                "verify-cert -c " + rootFile + " -p ssl -l -L -q",
                "find-certificate -a -Z -c " + NAME + " " + keychain);

        TrustReport untrusted = store.untrust(root, rootFile);
        assertThat(untrusted.trust()).isEqualTo(TrustReport.Trust.NOT_TRUSTED);
        assertThat(calls()).contains("remove-trusted-cert " + rootFile,
                "delete-certificate -Z " + root.sha1() + " " + keychain);
        assertThat(calls()).noneMatch(c -> c.contains(" -d "));
        assertThat(dir.resolve("items")).isEmptyDirectory();
    }

    @Test
    void anEarlierRootOfTheSameNameIsReportedAndReplacedWithItsTrustSettings() throws IOException {
        CaCertificate earlier = newRoot();
        Files.copy(write("earlier.pem", earlier), dir.resolve("items/" + earlier.sha1() + ".pem"));
        Files.createFile(dir.resolve("trust/" + earlier.sha1()));

        TrustReport before = store.status(root, rootFile);
        assertThat(before.trust()).isEqualTo(TrustReport.Trust.NOT_TRUSTED);
        assertThat(before.detail()).contains("1 other certificate(s) named \"" + NAME + "\" (an earlier CA)");

        assertThat(store.trust(root, rootFile).trust()).isEqualTo(TrustReport.Trust.TRUSTED);
        List<String> calls = calls();
        int delete = calls.indexOf("delete-certificate -Z " + earlier.sha1() + " -t " + keychain);
        int add = calls.indexOf("add-trusted-cert -r trustRoot -p ssl -k " + keychain + " " + rootFile);
        assertThat(delete).isNotNegative().isLessThan(add);
        assertThat(dir.resolve("trust/" + earlier.sha1())).doesNotExist();
        assertThat(store.status(root, rootFile).detail()).doesNotContain("other certificate");
    }

    @Test
    void inTheKeychainWithoutTrustIsNotTrusted() throws IOException {
        Files.copy(rootFile, dir.resolve("items/" + root.sha1() + ".pem"));
        TrustReport report = store.status(root, rootFile);
        assertThat(report.trust()).isEqualTo(TrustReport.Trust.NOT_TRUSTED);
        assertThat(report.detail()).isEqualTo("in the login keychain (" + keychain + ") but not trusted for TLS");
    }

    @Test
    void declinedDialogSaysSo() {
        KeychainTrustStore declining = new KeychainTrustStore(commands(dir.resolve("bin"), Map.of("DECLINE", "1")),
                home);
        assertThatThrownBy(() -> declining.trust(root, rootFile)).isInstanceOf(UserError.class)
                .hasMessageContaining("security could not trust the root CA in the login keychain")
                .hasMessageContaining("canceled by the user")
                .extracting(e -> ((UserError) e).hint()).asString().contains("you declined");
    }
}
