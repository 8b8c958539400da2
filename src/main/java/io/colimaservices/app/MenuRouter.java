package io.colimaservices.app;

import io.colimaservices.domain.ConnectionFormat;
import io.colimaservices.domain.CredentialService;
import io.colimaservices.domain.ShellLauncher;
import io.colimaservices.tray.MenuCommands;
import io.colimaservices.ui.common.ActionFailures;
import io.colimaservices.ui.dashboard.DashboardCommands;
import io.colimaservices.usecase.ShellUseCase;
import io.colimaservices.usecase.VaultUseCase;
import io.colimaservices.usecase.VmUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * What the menu's items and the services page's links do: each routes to a page's view model (so its progress and
 * outcome show there) or to a use case on a background thread. Every method returns at once. A failure always
 * reaches the user through {@link ActionFailures}: the page's message area while the window is open, a
 * notification when not; the log has it too.
 */
final class MenuRouter implements MenuCommands, DashboardCommands {
    private static final Logger LOG = LoggerFactory.getLogger(MenuRouter.class);

    /** The desktop side the router drives: the window, its pages and the clipboard (FX thread work). */
    interface Desktop {
        /** Shows the window on a page; null: the page it shows. */
        void show(String section);

        void showLogsOf(String service);

        void startTarget(String target);

        void startTier(String tier);

        void stopTarget(String target);

        void restartService(String service);

        /** Starts or stops the VM through the Colima page, when it was built; false when it was not. */
        boolean vmThroughPage(boolean start);

        void openUrl(String url);

        /** Reads and uses this compose file at once (kept in the settings); see {@link DashboardCommands}. */
        int useComposeFile(java.nio.file.Path file);

        void copyPlain(String text);

        /** Puts a secret on the clipboard, cleared after {@code delay}. */
        void copySecret(String value, Duration delay);

        /** A command the user can run by hand (the terminal did not open). */
        void showCommand(String title, String message, String commandLine);

        void quit();
    }

    /** The use cases the menu calls. */
    record Actions(CredentialService credentials, VaultUseCase vault, Optional<VmUseCase> vm, ShellUseCase shell) {
    }

    private final Desktop desktop;
    private final Supplier<Actions> actions;
    private final Supplier<Duration> clipboardDelay;
    private final Runnable vaultChanged;
    private final Executor background;
    private final ActionFailures failures;

    /**
     * @param vaultChanged asks the Vault watcher for a fresh state (after an unseal)
     */
    MenuRouter(Desktop desktop, Supplier<Actions> actions, Supplier<Duration> clipboardDelay, Runnable vaultChanged,
               Executor background, ActionFailures failures) {
        this.desktop = Objects.requireNonNull(desktop);
        this.actions = Objects.requireNonNull(actions);
        this.clipboardDelay = Objects.requireNonNull(clipboardDelay);
        this.vaultChanged = Objects.requireNonNull(vaultChanged);
        this.background = Objects.requireNonNull(background);
        this.failures = Objects.requireNonNull(failures);
    }

    // ---- navigation and the services page ------------------------------------------------------------------------

    @Override
    public void openDashboard() {
        desktop.show(null);
    }

    @Override
    public void openSection(String section) {
        desktop.show(section);
    }

    @Override
    public void startTarget(String target) {
        desktop.startTarget(target);
    }

    @Override
    public void startTier(String tier) {
        desktop.startTier(tier);
    }

    @Override
    public void stopTarget(String target) {
        desktop.stopTarget(target);
    }

    @Override
    public void restartService(String service) {
        desktop.restartService(service);
    }

    @Override
    public void viewLogs(String service) {
        desktop.showLogsOf(service);
    }

    @Override
    public void openLogs(String service) {
        viewLogs(service);
    }

    @Override
    public void openUrl(String url) {
        desktop.openUrl(url);
    }

    @Override
    public int useComposeFile(java.nio.file.Path file) {
        return desktop.useComposeFile(file);
    }

    @Override
    public void copyPlain(String text) {
        desktop.copyPlain(text);
    }

    @Override
    public void quit() {
        desktop.quit();
    }

    // ---- use cases: in the background, failures to the user ------------------------------------------------------

    @Override
    public void openShell(String service, boolean client) {
        run("services", "Could not open a shell in " + service, () -> {
            ShellLauncher.Outcome outcome = actions.get().shell().open(service, client);
            if (!outcome.opened()) {
                desktop.showCommand("Open shell", outcome.message(), outcome.commandLine());
            }
        });
    }

    @Override
    public void copyConnectionString(String service) {
        copySecret(service, "connection string",
                () -> actions.get().credentials().connectionString(service, ConnectionFormat.URL));
    }

    @Override
    public void copyPassword(String service) {
        copySecret(service, "password", () -> actions.get().credentials().fieldValue(service, "password"));
    }

    /** Reads the secret off the FX thread, puts it on the clipboard, which clears it after the configured delay. */
    private void copySecret(String service, String what, Supplier<String> read) {
        run("credentials", "Could not copy the " + what + " of " + service, () -> {
            String value = read.get();
            Duration delay = clipboardDelay.get();
            desktop.copySecret(value, delay);
            LOG.info("copied the {} of {} (clears in {} s)", what, service, delay.toSeconds());
        });
    }

    @Override
    public void setTls(String service, boolean enabled) {
        run("credentials", "Turning TLS " + (enabled ? "on" : "off") + " for " + service + " failed", () ->
                actions.get().credentials().setTls(service, enabled, line -> LOG.info("tls {}: {}", service, line)));
    }

    @Override
    public void startVm() {
        vmAction(true);
    }

    @Override
    public void stopVm() {
        vmAction(false);
    }

    /** Through the Colima page when it exists (its output and failures show there), else through the use case. */
    private void vmAction(boolean start) {
        if (desktop.vmThroughPage(start)) {
            return;
        }
        run("colima", start ? "Starting the VM failed" : "Stopping the VM failed", () -> {
            VmUseCase vm = actions.get().vm().orElseThrow(() -> new io.colimaservices.domain.UserError(
                    io.colimaservices.domain.UserError.Kind.CONFIGURATION, "there is no VM control: the colima "
                    + "tool named by --colima or COLIMA_BIN is not there"));
            if (start) {
                vm.startFromSettings(line -> LOG.info("colima: {}", line));
            } else {
                vm.stopFromSettings(line -> LOG.info("colima: {}", line));
            }
        });
    }

    @Override
    public void unsealVault() {
        run("vault", "Unseal failed", () -> {
            try {
                actions.get().vault().unsealWithStoredShares(s -> { });
            } finally {
                vaultChanged.run();
            }
        });
    }

    /** Runs {@code work} in the background; a failure goes to the page {@code section} or a notification. */
    private void run(String section, String failedTitle, Runnable work) {
        background.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.warn("{}: {}", failedTitle, io.colimaservices.usecase.ActionTrace.why(e));
                failures.report(section, failedTitle, e);
            }
        });
    }
}
