package io.colimaservices.tray;

/** What the menu's items do; implemented by the app's wiring, faked in tests. */
public interface MenuCommands {
    void openDashboard();

    void quit();
}
