package io.colimaservices.ui.preferences;

import io.colimaservices.ui.common.PageParts;
import javafx.beans.binding.Bindings;
import javafx.beans.property.Property;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

import java.util.List;

/** How the Preferences cards bind their FXML fields to the form's properties (the same few ways on every card). */
final class PreferencesBindings {
    private PreferencesBindings() {
    }

    static void field(TextField field, Property<String> value) {
        field.textProperty().bindBidirectional(value);
    }

    /** A field's validation message, in red; takes no room while there is none. */
    static void error(Label error, ObservableStringValue message) {
        error.textProperty().bind(message);
        PageParts.showWhen(error, Bindings.isNotEmpty(message));
    }

    static <T> void choice(ComboBox<T> box, List<T> values, Property<T> value) {
        box.getItems().setAll(values);
        box.valueProperty().bindBidirectional(value);
    }
}
