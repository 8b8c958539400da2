package io.colimaservices.ui.backups;

import io.colimaservices.domain.backup.BackupEvent;
import io.colimaservices.domain.backup.BackupFolder;
import io.colimaservices.domain.backup.BackupManifest;
import io.colimaservices.domain.backup.BackupResult;
import io.colimaservices.domain.backup.BackupText;
import io.colimaservices.domain.backup.Cancellation;
import io.colimaservices.domain.backup.ResetReport;
import io.colimaservices.domain.backup.RestoreConfirmation;
import io.colimaservices.domain.backup.RestoreReport;
import io.colimaservices.domain.backup.VerifyReport;
import io.colimaservices.ui.common.BackgroundWork;
import io.colimaservices.ui.common.Notice;
import io.colimaservices.usecase.BackupUseCase;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Backups page's state and commands: the list of complete backups, "Back up now" with progress per service and
 * a cancel, a deep verify, a restore (the page's dialog answers the use case's question) and a reset behind a typed
 * name. Everything runs through {@link BackupUseCase}, as the CLI's {@code backup}, {@code verify --deep},
 * {@code restore} and {@code reset} do; one action at a time.
 */
public final class BackupsViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    /** One backup as the list shows it. */
    public record Row(String id, String time, String services, String size, boolean encrypted, String lastVerify) {
    }

    /** One service's part of the running action: its state in words, bytes moved and the rate. */
    public record Progress(String service, String state, String bytes, String rate) {
    }

    private final BackupUseCase backups;
    private final Supplier<List<String>> services;
    private final BackgroundWork work;
    private final ZoneId zone;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Progress> progress = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper folder = new ReadOnlyStringWrapper("");
    private Cancellation cancellation = new Cancellation();

    /**
     * @param services the stack's services (what a reset can name)
     * @param zone     the zone times are shown in
     */
    public BackupsViewModel(BackupUseCase backups, Supplier<List<String>> services, Executor ui, Executor background,
                            ZoneId zone) {
        this.backups = backups;
        this.services = services;
        this.work = new BackgroundWork(ui, background);
        this.zone = zone;
    }

    public ObservableList<Row> backups() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    public ObservableList<Progress> progress() {
        return FXCollections.unmodifiableObservableList(progress);
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** An action runs (back up, verify, restore, reset): the others wait, cancel is offered. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The running action in words ("Backing up", "Verifying 20261207-0130"). */
    public ReadOnlyStringProperty activityProperty() {
        return activity.getReadOnlyProperty();
    }

    /** Where the backups are. */
    public ReadOnlyStringProperty folderProperty() {
        return folder.getReadOnlyProperty();
    }

    /** The services a reset can name, and the project (the whole stack). */
    public List<String> resettableServices() {
        return services.get();
    }

    /** What the reset dialog asks to be typed: the service's name, or the project's for everything. */
    public String confirmationFor(Optional<String> service) {
        return service.map(s -> backups.confirmationFor(List.of(s))).orElseGet(backups::project);
    }

    /** Reads the list again (when the page is shown, and after every action). */
    public void refresh() {
        work.run("list backups", () -> backups.list(Optional.empty()), this::show,
                e -> notice.set(Notice.failure("Cannot list the backups", e)));
        folder.set(backups.defaultFolder().toString());
    }

    public void backUpNow() {
        start("Backing up", () -> backups.backup(List.of(), Optional.empty(), true, events(), cancellation),
                (BackupResult r) -> Notice.success("Backup " + r.manifest().id() + " is complete",
                        r.manifest().services().size() + " services, " + BackupText.size(r.manifest().totalFileBytes())
                                + " in " + r.folder()), "Backup failed");
    }

    /** Restores the backup into throwaway copies and runs each service's check (the CLI's {@code verify --deep}). */
    public void verify(Row row) {
        start("Verifying " + row.id(), () -> backups.deepVerify(row.id(), Optional.empty(), events(), cancellation),
                (VerifyReport r) -> r.passed()
                        ? Notice.success("Backup " + row.id() + " restores and checks out", checks(r.checks()))
                        : Notice.danger("Backup " + row.id() + " failed its deep verify", checks(r.failures())),
                "Verify failed");
    }

    /** @param confirmation asked (off the UI thread) with the services and what changed since the backup */
    public void restore(Row row, RestoreConfirmation confirmation) {
        start("Restoring " + row.id(), () -> backups.restore(row.id(), Optional.empty(), List.of(), confirmation,
                events(), cancellation), (RestoreReport r) -> r.succeeded()
                ? Notice.success("Restored " + row.id(), checks(r.results()) + (r.restarted().isEmpty() ? ""
                : "\nStarted again: " + String.join(", ", r.restarted())))
                : Notice.danger("Restore of " + row.id() + " failed", checks(r.results())), "Restore failed");
    }

    /**
     * Removes the service's (or, empty, the whole project's) containers and volumes once {@code typed} matches;
     * backs up first when asked. Unseal-share sets and backup keys are kept.
     */
    public void reset(Optional<String> service, String typed, boolean backUpFirst) {
        List<String> targets = service.map(List::of).orElse(List.of());
        start("Resetting " + service.orElse("the project " + backups.project()), () -> {
            if (backUpFirst) {
                backups.backupBeforeReset(targets, service.isEmpty(), events(), cancellation);
            }
            return service.isPresent() ? backups.reset(targets, typed, events()) : backups.resetAll(typed, events());
        }, (ResetReport r) -> Notice.success("Reset " + service.orElse("the project"), "Removed "
                + r.removedContainers().size() + " containers and " + r.removedVolumes().size() + " volumes"
                + (r.kept().isEmpty() ? "" : "; kept " + String.join(", ", r.kept()))
                + ". Unseal-share sets and backup keys are kept."), "Reset failed");
    }

    /** Stops the running action: its command is killed in its container, partial files removed. */
    public void cancel() {
        cancellation.cancel();
        activity.set(activity.get() + " (cancelling)");
    }

    public void dismissNotice() {
        notice.set(null);
    }

    private <T> void start(String what, Supplier<T> action, java.util.function.Function<T, Notice> outcome,
                           String failureTitle) {
        if (busy.get()) {
            return;
        }
        cancellation = new Cancellation();
        busy.set(true);
        activity.set(what);
        progress.clear();
        notice.set(null);
        work.run(what, action, result -> {
            finish();
            notice.set(outcome.apply(result));
        }, e -> {
            finish();
            notice.set(Notice.failure(failureTitle, e));
        });
    }

    private void finish() {
        busy.set(false);
        activity.set("");
        refresh();
    }

    /** The use case's events, applied on the UI thread. */
    private Consumer<BackupEvent> events() {
        return work.onUi(this::apply);
    }

    /** Package-private for the tests: one event into the progress rows (on the UI thread). */
    void apply(BackupEvent event) {
        Progress now = switch (event) {
            case BackupEvent.Began b -> new Progress(b.service(), b.mode().word() + " " + b.what(), "", "");
            case BackupEvent.Note n -> new Progress(n.service(), n.text(), current(n.service()).bytes(),
                    current(n.service()).rate());
            case BackupEvent.Progress p -> new Progress(p.service(), current(p.service()).state(),
                    BackupText.size(p.bytes()), BackupText.rate(p.bytesPerSecond()));
            case BackupEvent.Done d -> new Progress(d.service(), "done", BackupText.size(d.bytes()), "");
            case BackupEvent.Failed f -> new Progress(f.service(), "failed", current(f.service()).bytes(), "");
        };
        for (int i = 0; i < progress.size(); i++) {
            if (progress.get(i).service().equals(now.service())) {
                progress.set(i, now);
                return;
            }
        }
        progress.add(now);
    }

    private Progress current(String service) {
        return progress.stream().filter(p -> p.service().equals(service)).findFirst()
                .orElse(new Progress(service, "", "", ""));
    }

    private void show(List<BackupFolder.Stored> stored) {
        rows.setAll(stored.reversed().stream().map(s -> row(s.manifest())).toList());
    }

    private Row row(BackupManifest m) {
        return new Row(m.id(), TIME.format(m.started().atZone(zone)), String.join(", ", m.serviceNames()),
                BackupText.size(m.totalFileBytes()), m.encryption().isPresent(), m.lastVerify()
                .map(v -> (v.passed() ? "passed " : "FAILED ") + TIME.format(v.at().atZone(zone))).orElse("never"));
    }

    private static String checks(List<BackupManifest.ServiceCheck> checks) {
        return String.join("\n", checks.stream().map(c -> c.service() + ": " + c.message()).toList());
    }
}
