package io.colimaservices.ui.dashboard;

/** What the services page asks of the rest of the app (navigation and the desktop). */
public interface DashboardCommands {
    void openLogs(String service);

    void openUrl(String url);

    /** Opens the user's terminal on {@code shell SERVICE} (with {@code --client}: the service's own client). */
    void openShell(String service, boolean client);

    /** Copies text that is not secret (an address), without auto-clear. */
    void copyPlain(String text);

    /**
     * Uses this compose file from now on, at once (kept in the settings).
     *
     * @return how many services it has
     * @throws io.colimaservices.domain.UserError naming the file and line when it cannot be read: nothing changed
     */
    int useComposeFile(java.nio.file.Path file);
}
