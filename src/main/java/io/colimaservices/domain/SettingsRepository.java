package io.colimaservices.domain;

import java.nio.file.Path;

/** The user's settings on disk. */
public interface SettingsRepository {

    /** The settings file, whether or not it exists. */
    Path location();

    /** Never throws: a missing file gives the defaults, a bad one the defaults where it is bad, with problems. */
    LoadedSettings load();

    /**
     * Writes atomically (a crash leaves the old file or the new one, never half of one). A file on disk that has
     * problems is first moved aside to {@code <name>.bad-<timestamp>}, never silently overwritten.
     *
     * @throws UserError of kind CONFIGURATION when the file cannot be written
     */
    SavedSettings save(AppSettings settings);
}
