package io.colimaservices.ui.credentials;

import javafx.beans.Observable;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * An action's result (a TLS switch's outcome, a copy that failed) lying over the top of the service's details instead
 * of pushing the page down (issue 22: never move a control under the pointer), so the switch just pressed stays where
 * it was; the service list stays uncovered. Its look: {@code #result-overlay} in secrets.css (opaque, shadowed).
 */
final class CredentialsResultOverlay {
    private CredentialsResultOverlay() {
    }

    /** {@code content} with {@code results} over its top, laid out again whenever {@code result} changes. */
    static StackPane over(Node content, Observable result, Node results) {
        VBox overlay = new VBox(results);
        overlay.setId("result-overlay");
        overlay.setPickOnBounds(false);
        overlay.setPadding(new Insets(0, 24, 0, 0));
        // Unmanaged: its size never feeds the page's layout (a long result would narrow the service list).
        overlay.setManaged(false);
        StackPane holder = new StackPane(content, overlay) {
            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                double width = getWidth();
                overlay.resizeRelocate(0, 0, width, Math.min(getHeight(), overlay.prefHeight(width)));
            }
        };
        // An unmanaged node's new text does not reach its parent's layout: ask for one when the result changes.
        result.addListener(o -> holder.requestLayout());
        return holder;
    }
}
