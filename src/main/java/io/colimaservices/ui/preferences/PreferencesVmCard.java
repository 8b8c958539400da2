package io.colimaservices.ui.preferences;

import io.colimaservices.ui.common.Fxml;
import io.colimaservices.ui.common.Notice;
import io.colimaservices.ui.common.PageParts;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * Preferences' Colima VM card: the layout is {@code PreferencesVmCard.fxml}, this its controller; the machine's
 * warnings (choices it cannot honour) are a message above the closing note.
 */
final class PreferencesVmCard {
    @FXML
    private Node root;
    @FXML
    private VBox body;
    @FXML
    private TextField profile;
    @FXML
    private Label profileError;
    @FXML
    private TextField cpus;
    @FXML
    private Label cpusError;
    @FXML
    private TextField memory;
    @FXML
    private Label memoryError;
    @FXML
    private TextField disk;
    @FXML
    private Label diskError;
    @FXML
    private ComboBox<String> arch;
    @FXML
    private ComboBox<String> vmType;
    @FXML
    private CheckBox rosetta;
    @FXML
    private CheckBox networkAddress;
    @FXML
    private CheckBox kubernetes;

    PreferencesVmCard(PreferencesVmViewModel model) {
        Fxml.load(this);
        PreferencesBindings.field(profile, model.profileProperty());
        PreferencesBindings.error(profileError, model.profileErrorProperty());
        PreferencesBindings.field(cpus, model.cpusProperty());
        PreferencesBindings.error(cpusError, model.cpusErrorProperty());
        PreferencesBindings.field(memory, model.memoryProperty());
        PreferencesBindings.error(memoryError, model.memoryErrorProperty());
        PreferencesBindings.field(disk, model.diskProperty());
        PreferencesBindings.error(diskError, model.diskErrorProperty());
        PreferencesBindings.choice(arch, PreferencesViewModel.ARCHES, model.archProperty());
        PreferencesBindings.choice(vmType, PreferencesViewModel.VM_TYPES, model.vmTypeProperty());
        rosetta.selectedProperty().bindBidirectional(model.rosettaProperty());
        networkAddress.selectedProperty().bindBidirectional(model.networkAddressProperty());
        kubernetes.selectedProperty().bindBidirectional(model.kubernetesProperty());
        body.getChildren().add(1, PageParts.message("prefs-warnings", Bindings.createObjectBinding(
                () -> model.warnings().isEmpty() ? null
                        : Notice.warning("Worth a second look", String.join("\n", model.warnings())),
                model.warnings())));
    }

    Node root() {
        return root;
    }
}
