package io.colimaservices.app;

import io.colimaservices.cli.VaultHarness;
import io.colimaservices.domain.ContainerExec;
import io.colimaservices.domain.ExecIo;
import io.colimaservices.domain.ExecOutcome;
import io.colimaservices.domain.ExecProcess;
import io.colimaservices.domain.ExecRequest;
import io.colimaservices.domain.ExecTarget;
import io.colimaservices.domain.TerminalSize;
import io.colimaservices.domain.UnsealShareSets;
import io.colimaservices.domain.backup.BackupManifest;
import io.colimaservices.domain.backup.BackupMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Vault's part in backups against the Vault API double, with an exec that plays the copy's {@code vault} CLI. */
class VaultBackupHooksTest {
    @TempDir
    Path dir;
    VaultHarness harness;
    AppContext context;

    @BeforeEach
    void start() throws IOException {
        harness = new VaultHarness(dir);
        context = harness.context();
        context.useCases().vault().init(5, 3);
    }

    @AfterEach
    void stop() {
        context.close();
        harness.close();
    }

    /** Records each command and what it read on stdin; answers sealed until {@code unsealAfter} shares. */
    static final class CopyVault implements ContainerExec {
        final List<List<String>> commands = new ArrayList<>();
        final List<String> stdin = new ArrayList<>();
        private final int unsealAfter;

        CopyVault(int unsealAfter) {
            this.unsealAfter = unsealAfter;
        }

        @Override
        public ExecTarget locate(String project, String service) {
            throw new AssertionError("not asked");
        }

        @Override
        public ExecProcess start(String containerId, ExecRequest request, ExecIo io) {
            try {
                commands.add(request.command());
                stdin.add(new String(io.stdin().orElseThrow().readAllBytes(), StandardCharsets.UTF_8));
                boolean sealed = stdin.size() < unsealAfter;
                io.stdout().write(("{\n  \"sealed\": " + sealed + "\n}\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new ExecProcess() {
                @Override
                public void resize(TerminalSize size) {
                }

                @Override
                public ExecOutcome await() {
                    return ExecOutcome.exited(0);
                }

                @Override
                public long bytesIn() {
                    return 0;
                }

                @Override
                public long bytesOut() {
                    return 0;
                }

                @Override
                public void close() {
                }
            };
        }
    }

    private static BackupManifest.ServiceEntry vaultEntry(Optional<String> set) {
        return new BackupManifest.ServiceEntry("vault", BackupMode.VOLUMES, "vault.tar.zst.gpg", "hashicorp/vault",
                "sha256:1", Optional.empty(), Optional.empty(), List.of("vault_data"), Instant.EPOCH, Instant.EPOCH, 1, 1,
                "00", set);
    }

    @Test
    void theCopyIsUnsealedWithTheBackupsSetThroughStdinUntilItOpens() throws Exception {
        CopyVault copy = new CopyVault(3);
        VaultBackupHooks hooks = new VaultBackupHooks(context::vaultActions, () -> context.vaultActions().shareSetStore(), copy);
        Optional<String> set = hooks.shareSetFor("vault");
        assertThat(set).isPresent();
        assertThat(hooks.shareSetFor("postgres")).isEmpty();

        hooks.copyStarted("vault", "copy-id", vaultEntry(set));
        List<String> shares = harness.vault.unsealKeys();
        assertThat(copy.stdin).containsExactly(shares.get(0), shares.get(1), shares.get(2));
        for (List<String> command : copy.commands) {
            assertThat(String.join(" ", command)).contains(VaultBackupHooks.UNSEAL_COMMAND);
            shares.forEach(share -> assertThat(String.join(" ", command)).doesNotContain(share));
        }
        hooks.copyStarted("postgres", "other", vaultEntry(set));
        assertThat(copy.commands).hasSize(3);
    }

    @Test
    void aRestoredVolumeMakesItsSetCurrent() {
        UnsealShareSets sets = context.vaultActions().shareSetStore();
        String now = sets.currentFingerprint().orElseThrow();
        String older = sets.keep(List.of("o1", "o2", "o3"), Optional.of("root-old"));
        VaultBackupHooks hooks = new VaultBackupHooks(context::vaultActions, () -> context.vaultActions().shareSetStore(), new CopyVault(1));

        hooks.restored("vault", vaultEntry(Optional.of(older)));
        assertThat(context.vaultActions().storedShares()).containsExactly("o1", "o2", "o3");
        assertThat(sets.currentFingerprint()).contains(older);
        hooks.restored("vault", vaultEntry(Optional.of(now)));
        assertThat(sets.currentFingerprint()).contains(now);
        hooks.restored("postgres", vaultEntry(Optional.of(older)));
        assertThat(sets.currentFingerprint()).contains(now);
    }
}
