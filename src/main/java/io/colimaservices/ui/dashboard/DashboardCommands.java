package io.colimaservices.ui.dashboard;

/** What the services page asks of the rest of the app (navigation and the desktop). */
public interface DashboardCommands {
    void openLogs(String service);

    void openUrl(String url);

    /** Copies text that is not secret (an address), without auto-clear. */
    void copyPlain(String text);
}
