package io.colimaservices.ui.common;

import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

/**
 * One page of the dashboard window (Services, Logs, Vault, ...). Its view is built on first show; {@link #shown()}
 * and {@link #hidden()} start and stop whatever it reads (stats, log streams), so nothing runs unseen.
 */
public interface Section {

    /** Stable id, used by the menu ("open logs") and tests. */
    String id();

    String title();

    Ikon icon();

    /** Builds the view; called once, on the FX thread, the first time the section is shown. */
    Node build();

    /** The section became visible (the window is showing and this page is selected). */
    default void shown() {
    }

    /**
     * The page's action state, where failures of actions started elsewhere (the menu) are shown while the window
     * is open; none for pages without actions.
     */
    default java.util.Optional<ActionState> actionState() {
        return java.util.Optional.empty();
    }

    /** The section stopped being visible (another page, or the window was hidden). */
    default void hidden() {
    }
}
