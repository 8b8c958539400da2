package io.colimaservices.ui.backups;

import io.colimaservices.ui.common.Section;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

import java.util.Objects;

/** The Backups page: the list is read again each time the page is shown. */
public final class BackupsSection implements Section {
    private final BackupsViewModel model;

    public BackupsSection(BackupsViewModel model) {
        this.model = Objects.requireNonNull(model);
    }

    @Override
    public String id() {
        return "backups";
    }

    @Override
    public String title() {
        return "Backups";
    }

    @Override
    public Ikon icon() {
        return Feather.ARCHIVE;
    }

    @Override
    public Node build() {
        return new BackupsView(model).root();
    }

    @Override
    public void shown() {
        model.refresh();
    }

    /**
     * The reset dialog's pane, as the user sees it with {@code typed} typed for {@code service} (for the snapshot
     * command's picture). On the FX thread.
     */
    public javafx.scene.Parent resetDialogPicture(String service, String typed) {
        javafx.scene.control.DialogPane pane = ResetDialog.filledIn(model, service, typed).getDialogPane();
        if (pane.getScene() != null) {
            pane.getScene().setRoot(new javafx.scene.layout.Region()); // free to be shown elsewhere
        }
        return pane;
    }

    public BackupsViewModel model() {
        return model;
    }
}
