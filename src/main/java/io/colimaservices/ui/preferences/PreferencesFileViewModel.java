package io.colimaservices.ui.preferences;

import io.colimaservices.domain.SavedSettings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * The Preferences page's file panel: where the settings file is, what was wrong with it when it was read, where a
 * bad file was kept when a save replaced it, and the last action's outcome ("Saved to ...").
 */
public final class PreferencesFileViewModel {
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyProblems = FXCollections.unmodifiableObservableList(problems);
    private final ReadOnlyStringWrapper settingsFile = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper movedAside = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    void read(String file, List<String> found) {
        problems.setAll(found);
        settingsFile.set(file);
        movedAside.set("");
        status.set("");
    }

    /** A save went through: the file on disk is the clean one just written. */
    void saved(SavedSettings saved, String done) {
        problems.clear();
        movedAside.set(saved.movedAside().map(p -> "The settings file had problems, so it was kept as " + p
                + " and replaced.").orElse(""));
        status.set(done);
    }

    void showStatus(String text) {
        status.set(text);
    }

    /** What was wrong with the file when it was read, one message each (file, line, what was expected). */
    public ObservableList<String> problems() {
        return readOnlyProblems;
    }

    public ReadOnlyStringProperty settingsFileProperty() {
        return settingsFile.getReadOnlyProperty();
    }

    /** After a save that replaced a bad file: where that file was kept. */
    public ReadOnlyStringProperty movedAsideProperty() {
        return movedAside.getReadOnlyProperty();
    }

    /** "Saved to ...", "Launch at login on", ... */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
