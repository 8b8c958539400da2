package io.colimaservices.ui.common;

import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The file and directory choosers a page opens; tests give their own answers instead of native dialogs. */
public interface FileChoices {

    /** A directory, starting at {@code initial} (or its nearest existing parent). */
    Optional<Path> directory(Window owner, String title, Path initial);

    /** A file to create, suggested as {@code suggestedName} in the user's home. */
    Optional<Path> newFile(Window owner, String title, String suggestedName);

    /** The platform's dialogs. */
    static FileChoices system() {
        return new FileChoices() {
            @Override
            public Optional<Path> directory(Window owner, String title, Path initial) {
                DirectoryChooser chooser = new DirectoryChooser();
                chooser.setTitle(title);
                existing(initial).ifPresent(p -> chooser.setInitialDirectory(p.toFile()));
                return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
            }

            @Override
            public Optional<Path> newFile(Window owner, String title, String suggestedName) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                chooser.setInitialFileName(suggestedName);
                existing(Path.of(System.getProperty("user.home")))
                        .ifPresent(p -> chooser.setInitialDirectory(p.toFile()));
                return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
            }

            private Optional<Path> existing(Path start) {
                Path p = start;
                while (p != null && !Files.isDirectory(p)) {
                    p = p.getParent();
                }
                return Optional.ofNullable(p);
            }
        };
    }
}
