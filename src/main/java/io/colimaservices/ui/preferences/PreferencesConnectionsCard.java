package io.colimaservices.ui.preferences;

import io.colimaservices.ui.common.Fxml;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/** Preferences' Connections card: the layout is {@code PreferencesConnectionsCard.fxml}, this its controller. */
final class PreferencesConnectionsCard {
    @FXML
    private Node root;
    @FXML
    private TextField vaultAddress;
    @FXML
    private TextField vaultCaFile;
    @FXML
    private TextField dockerHost;
    @FXML
    private Label error;

    PreferencesConnectionsCard(PreferencesConnectionsViewModel model) {
        Fxml.load(this);
        PreferencesBindings.field(vaultAddress, model.vaultAddressProperty());
        PreferencesBindings.field(vaultCaFile, model.vaultCaFileProperty());
        PreferencesBindings.field(dockerHost, model.dockerHostProperty());
        PreferencesBindings.error(error, model.errorProperty());
    }

    Node root() {
        return root;
    }
}
