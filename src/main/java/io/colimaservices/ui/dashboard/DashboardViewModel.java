package io.colimaservices.ui.dashboard;

import io.colimaservices.domain.ActionResult;
import io.colimaservices.domain.ServiceUsage;
import io.colimaservices.domain.StackOperations;
import io.colimaservices.domain.StackProgress;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.UserError;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The services page: rows per group and service from snapshots (any thread), usage figures from the sampler, the
 * group and service actions with their progress. UI state changes on the UI executor; actions run in the background.
 */
public final class DashboardViewModel {
    private final Executor uiExecutor;
    private final Executor background;
    private final StackOperations operations;
    private final DashboardCommands commands;
    private final Clock clock;
    private final Supplier<Duration> timeout;
    private final ObservableList<ServiceRow> rows = FXCollections.observableArrayList();
    private final ObservableList<ServiceRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyStringWrapper engineLine = new ReadOnlyStringWrapper("Docker: not checked yet");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final DashboardFailure failure = new DashboardFailure();
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);
    private final DashboardTierFilter tiers = new DashboardTierFilter(this::refresh);
    private final DashboardRows table = new DashboardRows(tiers);
    private final PullProgressViewModel pulls;
    private final StaleCheck stale;
    private StackSnapshot snapshot;
    private Map<String, ServiceUsage> usage = Map.of();

    public DashboardViewModel(Executor uiExecutor, Executor background, StackOperations operations,
                              DashboardCommands commands, Clock clock, Supplier<Duration> timeout) {
        this.uiExecutor = uiExecutor;
        this.background = background;
        this.operations = operations;
        this.commands = commands;
        this.clock = clock;
        this.timeout = timeout;
        this.pulls = new PullProgressViewModel(uiExecutor);
        this.stale = new StaleCheck(uiExecutor, background, operations, this::refresh);
    }

    /** Takes a snapshot from any thread. */
    public void show(StackSnapshot next) {
        uiExecutor.execute(() -> {
            snapshot = next;
            failure.follow(next);
            refresh();
            stale.follow(next);
        });
    }

    /** Takes usage figures from any thread (only sampled while the page is on screen). */
    public void showUsage(Map<String, ServiceUsage> next) {
        uiExecutor.execute(() -> {
            usage = next;
            refresh();
        });
    }

    /** Forgets usage figures (the sampler stopped: old figures would lie). */
    public void clearUsage() {
        showUsage(Map.of());
    }

    private void refresh() {
        if (snapshot == null) {
            return;
        }
        List<ServiceRow> next = table.of(snapshot, usage, stale.current(), clock.instant());
        if (!next.equals(rows)) {
            rows.setAll(next);
        }
        // Docker's state on its own line; the compose file's problem apart, never blamed on Docker (nor Docker's on it).
        engineLine.set(DashboardRows.engineLine(snapshot));
        problem.set(snapshot.catalogError().map(e -> "Compose file " + e).orElse(""));
    }

    /** Starts a group or a service (and what it depends on). */
    public void start(String target) {
        run("Starting " + target, p -> operations.up(List.of(target), timeout.get(), p));
    }

    /** Starts a tier's services and those without a profile (and what they depend on). */
    public void startTier(String tier) {
        run("Starting tier " + tier, p -> operations.upTiers(List.of(tier), timeout.get(), p));
    }

    /** Stops a group or a service (and what depends on it). */
    public void stop(String target) {
        run("Stopping " + target, p -> operations.down(List.of(target), p));
    }

    public void restart(String service) {
        run("Restarting " + service, p -> operations.restart(service, timeout.get(), p));
    }

    /** Replaces a stale service's container with one of its current definition (volumes kept). */
    public void recreate(String service) {
        run("Recreating " + service, p -> operations.recreate(service, timeout.get(), p));
    }

    public void openLogs(String service) {
        commands.openLogs(service);
    }

    public void openShell(String service) {
        commands.openShell(service, false);
    }

    /** Opens the service's own client (the {@code io.colima-services.client} label) in a terminal. */
    public void openClient(String service) {
        commands.openShell(service, true);
    }

    public void openWebUi(ServiceRow row) {
        row.webUi().ifPresent(commands::openUrl);
    }

    public void copyAddress(int port) {
        commands.copyPlain("localhost:" + port);
        progress.set("copied localhost:" + port);
    }

    /** The user closed the failure report. */
    public void dismissFailure() {
        failure.dismiss();
    }

    /** "Choose compose file...": applied at once, no restart; a file that cannot be read is refused with its line. */
    public void chooseComposeFile(java.nio.file.Path file) {
        String label = "Reading " + file;
        working.set(true);
        failure.dismiss();
        progress.set(label + "...");
        background.execute(() -> {
            try {
                int services = commands.useComposeFile(file);
                uiExecutor.execute(() -> {
                    finish(label, "", null, false);
                    progress.set("Using " + file + ": " + services + " services");
                });
            } catch (UserError e) {
                uiExecutor.execute(() -> finish(label, e.describe(), null, false));
            }
        });
    }

    private void run(String label, Function<Consumer<StackProgress>, ActionResult> operation) {
        working.set(true);
        failure.dismiss();
        progress.set(label + "...");
        background.execute(() -> {
            ActionResult result;
            try {
                result = operation.apply(p -> {
                    pulls.accept(p);
                    if (!(p instanceof StackProgress.Pulling pulling
                            && pulling.step() instanceof io.colimaservices.domain.PullProgress.Progress)) {
                        uiExecutor.execute(() -> progress.set(p.describe()));
                    }
                });
            } catch (UserError e) {
                uiExecutor.execute(() -> finish(label, e.describe(), null, false));
                return;
            }
            String failed = result.failure().map(f -> f.report(5)).orElse("");
            String subject = result.failure().map(StackProgress.Failed::service).orElse(null);
            uiExecutor.execute(() -> finish(label, failed, subject, result.cancelled()));
        });
    }

    /** Ends an action; its failure (if any) is about {@code subject} (none: null) and goes once that moves on. */
    private void finish(String label, String failed, String subject, boolean cancelled) {
        working.set(false);
        failure.showAbout(failed, subject, snapshot);
        if (cancelled) {
            progress.set(label + ": cancelled");
        } else if (failed.isEmpty() && progress.get().endsWith("...")) {
            progress.set(label + ": done");
        } else if (!failed.isEmpty()) {
            // The failure block says why, once: the progress line does not repeat it.
            progress.set(label + ": failed");
        }
    }

    public ObservableList<ServiceRow> rows() {
        return readOnlyRows;
    }

    public ReadOnlyStringProperty engineLineProperty() {
        return engineLine.getReadOnlyProperty();
    }

    /**
     * Why the compose file could not be read (with the file, and the line where there is one); empty when it was.
     * Docker's state is the engine line's.
     */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The latest progress line of the running (or last) action. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Why the last action failed, with health output and last log lines; empty when it did not. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.property();
    }

    /** The images an action pulls before it starts anything: lines, total, Cancel. */
    public PullProgressViewModel pulls() {
        return pulls;
    }

    /** The tier filter above the table. */
    public DashboardTierFilter tiers() {
        return tiers;
    }

    /** Which running services run a stale definition (asked when what runs changes), and its notice. */
    StaleCheck stale() {
        return stale;
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }
}
