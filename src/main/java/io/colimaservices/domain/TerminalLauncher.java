package io.colimaservices.domain;

import java.util.List;

/** Opens a window of the user's terminal running a command line (the app's "Open shell"). */
public interface TerminalLauncher {

    /**
     * Opens the terminal on {@code command} and returns once it was asked to (the window lives on its own).
     *
     * @param title a window title, where the terminal takes one
     * @throws UserError of kind CONFIGURATION when the terminal is not there (naming it and where it was looked
     *                   for), OTHER when it could not be started
     */
    void open(String title, List<String> command);
}
