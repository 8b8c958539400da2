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

    public BackupsViewModel model() {
        return model;
    }
}
