package io.colimaservices.tray;

/**
 * What the menu's items do; implemented by the app's wiring, recorded in tests. Every method returns at once:
 * long work runs elsewhere and shows as progress in the menu and the icon.
 */
public interface MenuCommands {
    void openDashboard();

    /** Opens the dashboard on a page: "services", "logs", "vault", "credentials", "colima", "preferences". */
    void openSection(String section);

    void startTarget(String groupOrService);

    void stopTarget(String groupOrService);

    /** Starts a tier: its services and those without a profile, with what they depend on. */
    void startTier(String tier);

    void restartService(String service);

    void viewLogs(String service);

    void openUrl(String url);

    /** Opens the user's terminal on {@code shell SERVICE} (with {@code --client}: the service's own client). */
    void openShell(String service, boolean client);

    /** Copies the service's connection string (password included), cleared from the clipboard after a while. */
    void copyConnectionString(String service);

    /** Copies the service's password, cleared from the clipboard after a while. */
    void copyPassword(String service);

    void setTls(String service, boolean enabled);

    void startVm();

    void stopVm();

    /** Unseals Vault with the stored shares. */
    void unsealVault();

    void quit();
}
