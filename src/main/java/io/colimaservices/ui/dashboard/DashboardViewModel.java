package io.colimaservices.ui.dashboard;

import io.colimaservices.domain.ActionResult;
import io.colimaservices.domain.PortBinding;
import io.colimaservices.domain.ServiceDefinition;
import io.colimaservices.domain.ServiceGroup;
import io.colimaservices.domain.ServiceShell;
import io.colimaservices.domain.ServiceStatus;
import io.colimaservices.domain.ServiceUsage;
import io.colimaservices.domain.StackOperations;
import io.colimaservices.domain.StackProgress;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.StatusText;
import io.colimaservices.domain.UserError;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The services page: rows per group and service from snapshots (any thread), usage figures from the sampler, and the
 * group and service actions with their progress. UI state changes on the UI executor; actions run on the background
 * executor.
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
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);
    private final DashboardTierFilter tiers = new DashboardTierFilter(this::refresh);
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
        tiers.offer(snapshot.catalog());
        List<ServiceRow> next = new ArrayList<>();
        for (Map.Entry<ServiceGroup, List<ServiceDefinition>> group : snapshot.catalog().groups().entrySet()) {
            List<ServiceDefinition> shown = group.getValue().stream().filter(tiers::shows).toList();
            if (shown.isEmpty()) {
                continue;
            }
            next.add(ServiceRow.group(group.getKey(), snapshot.summary(group.getKey())));
            for (ServiceDefinition d : shown) {
                next.add(row(d, snapshot.status(d.name())));
            }
        }
        if (!next.equals(rows)) {
            rows.setAll(next);
        }
        engineLine.set(snapshot.engine().reachable()
                ? "Docker " + snapshot.engine().version().orElse("") + " at " + snapshot.engine().host()
                : "Docker unreachable at " + snapshot.engine().host());
        problem.set(snapshot.catalogError()
                .or(() -> snapshot.engine().reachable() ? java.util.Optional.empty() : snapshot.engine().error())
                .orElse(""));
    }

    private ServiceRow row(ServiceDefinition d, ServiceStatus s) {
        ServiceUsage u = s.isRunning() ? usage.get(d.name()) : null;
        List<Integer> ports = d.ports().stream().map(PortBinding::hostPort).filter(p -> p > 0).distinct().toList();
        return new ServiceRow(d.name(), d.group(), false, StatusText.state(s, d.oneShot()),
                StatusText.tone(s, d.oneShot()), ports,
                StatusText.uptime(s, clock.instant()), u == null ? "" : u.describeCpu(),
                u == null ? "" : u.describeMemory(), d.webUiUrl(), s.state().isUp(), d.description(),
                s.isRunning() && stale.current().contains(d.name()), d.label(ServiceShell.CLIENT_LABEL).isPresent());
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

    private void run(String label, Function<Consumer<StackProgress>, ActionResult> operation) {
        working.set(true);
        failure.set("");
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
                uiExecutor.execute(() -> finish(label, e.describe(), false));
                return;
            }
            String failed = result.failure().map(f -> f.report(5)).orElse("");
            uiExecutor.execute(() -> finish(label, failed, result.cancelled()));
        });
    }

    private void finish(String label, String failed, boolean cancelled) {
        working.set(false);
        failure.set(failed);
        if (cancelled) {
            progress.set(label + ": cancelled");
        } else if (failed.isEmpty() && progress.get().endsWith("...")) {
            progress.set(label + ": done");
        }
    }

    public ObservableList<ServiceRow> rows() {
        return readOnlyRows;
    }

    public ReadOnlyStringProperty engineLineProperty() {
        return engineLine.getReadOnlyProperty();
    }

    /** A catalog error or why Docker is unreachable; empty when all is well. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The latest progress line of the running (or last) action. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Why the last action failed, with health output and last log lines; empty when it did not. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
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
