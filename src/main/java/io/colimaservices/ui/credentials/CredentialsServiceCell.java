package io.colimaservices.ui.credentials;

import atlantafx.base.theme.Styles;
import io.colimaservices.domain.CredentialService.CredentialEntry;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;

/** A service in the Credentials page's list: its name, and its kind and TLS state. Reuses its labels. */
final class CredentialsServiceCell extends ListCell<CredentialEntry> {
    private final CredentialsViewModel model;
    private final Label name = new Label();
    private final Label kind = new Label();
    private final VBox box = new VBox(2, name, kind);

    CredentialsServiceCell(CredentialsViewModel model) {
        this.model = model;
        name.getStyleClass().add(Styles.TEXT_BOLD);
        kind.getStyleClass().add("service-kind");
    }

    @Override
    protected void updateItem(CredentialEntry entry, boolean empty) {
        super.updateItem(entry, empty);
        setText(null);
        if (empty || entry == null) {
            setGraphic(null);
            setId(null);
            return;
        }
        name.setText(entry.service());
        kind.setText(model.describe(entry));
        setGraphic(box);
        setId("service-" + entry.service());
    }
}
