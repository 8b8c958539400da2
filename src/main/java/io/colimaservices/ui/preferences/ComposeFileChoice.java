package io.colimaservices.ui.preferences;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The running app's "use this compose file now" (the same path as the dashboard's "Choose compose file..."): reads
 * the file, keeps it in the settings and shows its services at once, without a restart.
 */
@FunctionalInterface
public interface ComposeFileChoice {
    /** For a page with no running stack behind it (screenshots): the choice is only saved. */
    ComposeFileChoice SAVED_ONLY = file -> { };

    /**
     * @param file the chosen file; empty for the stack bundled with the app
     * @throws io.colimaservices.domain.UserError when the file cannot be read (its file and line): nothing changed
     */
    void use(Optional<Path> file);
}
