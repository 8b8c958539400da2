package io.colimaservices.ui.common;

import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * A place an FXML layout keeps for a node built in code (a page's message area): the slot is shown and laid out
 * only while its node is, so a hidden message leaves no gap (no spacing of its parent) behind, as it did when the
 * page was built in code.
 */
public final class Slot {
    private Slot() {
    }

    /** Puts {@code content} into {@code slot}, which then follows its visibility and whether it is laid out. */
    public static <T extends Node> T fill(Pane slot, T content) {
        slot.getChildren().setAll(content);
        slot.visibleProperty().bind(content.visibleProperty());
        slot.managedProperty().bind(content.managedProperty());
        return content;
    }
}
