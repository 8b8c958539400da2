package io.colimaservices.domain.backup;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The backup use cases both faces call: back up, list, verify (by checksums, or deep: restored into throwaway
 * copies), restore, reset; the keys. Failures are {@link io.colimaservices.domain.UserError}s of kind
 * {@code BACKUP} (exit 7) naming the service and the file.
 */
public final class Backups {
    private final BackupTools tools;
    private final Path defaultRoot;

    /** @param defaultRoot the backup folder when a call names none (the settings' choice, else the app's own) */
    public Backups(BackupTools tools, Path defaultRoot) {
        this.tools = tools;
        this.defaultRoot = defaultRoot;
    }

    public Path defaultRoot() {
        return defaultRoot;
    }

    public BackupKeys keys() {
        return tools.keys();
    }

    /** The services a backup of {@code targets} would cover (all running services that declare one, without). */
    public List<ServicePlan> plans(Collection<String> targets) {
        return new BackupTaker(tools).plans(targets);
    }

    public BackupResult backup(Collection<String> targets, Optional<Path> to, boolean encrypt,
                               Consumer<BackupEvent> listener, Cancellation cancellation) {
        return new BackupTaker(tools).take(targets, to.orElse(defaultRoot), encrypt, listener, cancellation);
    }

    /** Complete backups, oldest first. */
    public List<BackupFolder.Stored> list(Optional<Path> from) {
        return folder(from).list();
    }

    public BackupFolder.Stored find(String idOrPath, Optional<Path> from) {
        return folder(from).find(idOrPath);
    }

    public VerifyReport verify(String idOrPath, Optional<Path> from) {
        return new BackupVerifier(tools).verify(find(idOrPath, from));
    }

    public VerifyReport deepVerify(String idOrPath, Optional<Path> from, Consumer<BackupEvent> listener,
                                   Cancellation cancellation) {
        BackupFolder folder = folder(from);
        return new BackupVerifier(tools).deep(folder.find(idOrPath), folder, listener, cancellation);
    }

    public RestoreReport restore(String idOrPath, Optional<Path> from, Collection<String> services,
                                 RestoreConfirmation confirmation, Consumer<BackupEvent> listener,
                                 Cancellation cancellation) {
        return new BackupRestorer(tools).restore(find(idOrPath, from), services, confirmation, listener, cancellation);
    }

    /** What {@link #reset} asks to be typed for these services. */
    public static String confirmationFor(List<String> services) {
        return StackReset.confirmationFor(services);
    }

    public ResetReport reset(List<String> services, String typed, Consumer<BackupEvent> listener) {
        return new StackReset(tools).reset(services, typed, listener);
    }

    public ResetReport resetAll(String typed, Consumer<BackupEvent> listener) {
        return new StackReset(tools).resetAll(typed, listener);
    }

    public String project() {
        return tools.project();
    }

    private BackupFolder folder(Optional<Path> from) {
        return new BackupFolder(from.orElse(defaultRoot), tools.format());
    }
}
