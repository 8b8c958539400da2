package io.colimaservices.ui.vault;

import io.colimaservices.ui.common.ActionState;
import io.colimaservices.ui.common.Notice;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;

/**
 * The Vault page's import panel: move the original project's keys into the secret store, then offer to delete the
 * files they came from.
 */
public final class VaultImportViewModel {
    private final VaultViewModel page;
    private final ActionState action;
    private final ObservableList<Path> importedFiles = FXCollections.observableArrayList();
    private final ObservableList<Path> readOnlyImportedFiles =
            FXCollections.unmodifiableObservableList(importedFiles);

    VaultImportViewModel(VaultViewModel page) {
        this.page = page;
        this.action = page.action();
    }

    /** The files just imported, while the page offers to delete them; empty otherwise. */
    public ObservableList<Path> importedFiles() {
        return readOnlyImportedFiles;
    }

    /** Where the directory chooser starts: the original project's {@code ~/.config/vault}. */
    public Path defaultImportDirectory() {
        return page.vault().defaultImportDirectory();
    }

    /** Moves the original project's keys from {@code directory} into the secret store. */
    public void importFrom(Path directory) {
        if (action.isBusy()) {
            return;
        }
        importedFiles.clear();
        action.start("Importing the original keys…", () -> page.vault().importFrom(directory),
                o -> {
                    String what = o.shares() + (o.shares() == 1 ? " unseal key share" : " unseal key shares")
                            + (o.rootToken() ? " and the root token" : "");
                    String where = "Stored in " + o.storedIn() + ".";
                    action.show(o.weakerStore()
                            ? Notice.success("Imported " + what, where + "\n" + VaultViewModel.WEAK_STORE_WARNING)
                            : Notice.success("Imported " + what, where));
                    importedFiles.setAll(o.files());
                    page.loadKeys();
                },
                "Import failed");
    }

    /** The user chose to delete the imported files. */
    public void deleteImportedFiles() {
        if (importedFiles.isEmpty() || action.isBusy()) {
            return;
        }
        List<Path> files = List.copyOf(importedFiles);
        importedFiles.clear();
        action.start("Deleting the original files…", () -> page.vault().deleteOriginalFiles(files),
                deleted -> action.show(Notice.success("Deleted the original files", String.join("\n",
                        deleted.stream().map(Path::toString).toList()))),
                "Could not delete the original files");
    }

    /** The user chose to keep the imported files. */
    public void keepImportedFiles() {
        if (importedFiles.isEmpty()) {
            return;
        }
        List<Path> files = List.copyOf(importedFiles);
        importedFiles.clear();
        action.show(Notice.warning("Kept the original files", String.join(", ", files.stream()
                .map(Path::toString).toList()) + " hold every key and the root token in plain text: delete them "
                + "once you have a backup."));
    }
}
