package io.colimaservices.domain;

import java.nio.file.Path;

/** Starts the app when the user logs in (a LaunchAgent on macOS, an XDG autostart entry on Linux). */
public interface LoginItem {

    /** The file that registers the app. */
    Path location();

    boolean isInstalled();

    /** Registers the app to start at the next login; does not start a second copy now. @throws UserError */
    void install();

    /** Unregisters the app; does not stop the running copy. @throws UserError */
    void remove();
}
