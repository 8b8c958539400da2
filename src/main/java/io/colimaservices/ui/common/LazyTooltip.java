package io.colimaservices.ui.common;

import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A tooltip made when the pointer first comes over its node. Each {@link Tooltip} is a popup control of its own; the
 * services table made about 150 of them on every refresh of its rows, which was the largest single cost of the
 * dashboard's first show (docs/benchmarks.md, "Before issue 16 and now"). The pointer's entry is always followed by
 * the move that starts a tooltip's timer, so the tooltip shows as an eager one would. The text is the node's
 * accessible help at once, as a control's tooltip would be, so a screen reader does not wait for a hover.
 */
public final class LazyTooltip {
    private LazyTooltip() {
    }

    /** Gives {@code node} a tooltip with {@code text}, made on the pointer's first entry. */
    public static void install(Node node, String text) {
        node.setAccessibleHelp(text);
        node.addEventHandler(MouseEvent.MOUSE_ENTERED, new EventHandler<>() {
            @Override
            public void handle(MouseEvent event) {
                node.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                Tooltip tooltip = new Tooltip(text);
                if (node instanceof Control control) {
                    control.setTooltip(tooltip);
                } else {
                    Tooltip.install(node, tooltip);
                }
            }
        });
    }
}
