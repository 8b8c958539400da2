package io.colimaservices.app;

import io.colimaservices.domain.ContainerExec;
import io.colimaservices.domain.ExecPipe;
import io.colimaservices.domain.UnsealShareSets;
import io.colimaservices.domain.RunKind;
import io.colimaservices.domain.UserError;
import io.colimaservices.domain.VaultOperations;
import io.colimaservices.domain.VaultServices;
import io.colimaservices.domain.backup.BackupHooks;
import io.colimaservices.domain.backup.BackupManifest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Vault's part in backups: its volume is recorded with the fingerprint of the unseal-share set that opens it; after
 * a backup stopped it, it is unsealed again with the stored shares; a restored volume makes its set the current one
 * (its shares and root token), so the start that follows unseals it; a deep verify's copy is unsealed through the
 * copy's own {@code vault} CLI, the share on stdin ({@code vault write sys/unseal key=-}), never on a command line.
 */
final class VaultBackupHooks implements BackupHooks {
    private static final Duration COPY_ANSWER_DEADLINE = Duration.ofSeconds(60);
    static final String UNSEAL_COMMAND = "exec vault write -format=json -address=http://127.0.0.1:8200 sys/unseal key=-";

    private final Supplier<UnsealShareSets> shareSets;
    private final StackServiceHooks stackHooks;
    private final ContainerExec exec;

    /**
     * @param vault     Vault's use case (its unseal is traced), asked when a stopped Vault must be unsealed again
     * @param shareSets the kept unseal-share sets
     */
    VaultBackupHooks(Supplier<VaultOperations> vault, Supplier<UnsealShareSets> shareSets, ContainerExec exec) {
        this.shareSets = shareSets;
        this.stackHooks = new StackServiceHooks(vault);
        this.exec = exec;
    }

    @Override
    public Optional<String> shareSetFor(String service) {
        return VaultServices.VAULT.equals(service) ? shareSets.get().currentFingerprint() : Optional.empty();
    }

    @Override
    public void restarted(String service) {
        if (VaultServices.VAULT.equals(service)) {
            stackHooks.afterStart(service, RunKind.USER, p -> { });
        }
    }

    @Override
    public void restored(String service, BackupManifest.ServiceEntry entry) {
        if (!VaultServices.VAULT.equals(service) || entry.shareSet().isEmpty()) {
            return;
        }
        UnsealShareSets sets = shareSets.get();
        if (!entry.shareSet().equals(sets.currentFingerprint())) {
            sets.makeCurrent(entry.shareSet().get());
        }
    }

    @Override
    public void copyStarted(String service, String copyContainerId, BackupManifest.ServiceEntry entry)
            throws InterruptedException {
        if (!VaultServices.VAULT.equals(service)) {
            return;
        }
        String set = entry.shareSet().orElseThrow(() -> new UserError(UserError.Kind.BACKUP,
                "vault: the backup names no unseal-share set, so its copy cannot be unsealed"));
        List<String> shares = shareSets.get().shares(set);
        ExecPipe pipe = new ExecPipe(exec);
        long deadline = System.nanoTime() + COPY_ANSWER_DEADLINE.toNanos();
        for (String share : shares) {
            while (true) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ExecPipe.Result result = pipe.run(copyContainerId, UNSEAL_COMMAND,
                        Optional.of(new ByteArrayInputStream(share.getBytes(StandardCharsets.UTF_8))), out);
                if (result.succeeded()) {
                    if (out.toString(StandardCharsets.UTF_8).replace(" ", "").contains("\"sealed\":false")) {
                        return;
                    }
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new UserError(UserError.Kind.BACKUP, "vault: the copy did not take the unseal share set "
                            + set + " (exit " + result.exitCode() + ")");
                }
                Thread.sleep(1000);
            }
        }
        throw new UserError(UserError.Kind.BACKUP, "vault: the share set " + set + " did not unseal the copy");
    }
}
