package io.colimaservices.ui.shell;

import io.colimaservices.tray.MenuEntry;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws the tray menu model as a picture (for the docs: the real menu is AWT and cannot be captured headless): the
 * menu, and the submenus along a path opened beside it, like a user hovering down to a service.
 */
public final class MenuPicture {
    private MenuPicture() {
    }

    /** @param path labels (prefixes) of the submenus to open, one level after another */
    public static Node render(List<MenuEntry> menu, List<String> path) {
        HBox columns = new HBox(4);
        columns.setAlignment(Pos.TOP_LEFT);
        columns.setPadding(new Insets(12));
        columns.getStyleClass().add("menu-picture");
        List<MenuEntry> level = menu;
        List<String> remaining = new ArrayList<>(path);
        while (level != null) {
            String open = remaining.isEmpty() ? null : remaining.removeFirst();
            columns.getChildren().add(column(level, open));
            level = open == null ? null : level.stream()
                    .filter(e -> e instanceof MenuEntry.Submenu s && s.label().contains(open))
                    .map(e -> ((MenuEntry.Submenu) e).entries()).findFirst().orElse(null);
        }
        return columns;
    }

    private static Node column(List<MenuEntry> entries, String open) {
        VBox box = new VBox();
        box.getStyleClass().add("menu-picture-column");
        box.setMinWidth(230);
        box.setPadding(new Insets(5, 0, 5, 0));
        for (MenuEntry entry : entries) {
            box.getChildren().add(switch (entry) {
                case MenuEntry.Separator s -> separator();
                case MenuEntry.Info info -> item(info.label(), false, false, false);
                case MenuEntry.Action action -> item(action.label(), action.enabled(), false, false);
                case MenuEntry.Submenu sub -> item(sub.label(), true, true, open != null && sub.label().contains(open));
            });
        }
        return box;
    }

    private static Node item(String text, boolean enabled, boolean submenu, boolean highlighted) {
        Label label = new Label(text);
        label.getStyleClass().add(enabled ? "menu-picture-item" : "menu-picture-info");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox row = new HBox(label, grow);
        if (submenu) {
            Label arrow = new Label("\u203a");
            arrow.getStyleClass().add("menu-picture-item");
            row.getChildren().add(arrow);
        }
        row.setPadding(new Insets(3, 12, 3, 12));
        if (highlighted) {
            row.getStyleClass().add("menu-picture-open");
        }
        return row;
    }

    private static Node separator() {
        Line line = new Line(0, 0, 200, 0);
        line.getStyleClass().add("menu-picture-separator");
        VBox box = new VBox(line);
        box.setPadding(new Insets(4, 12, 4, 12));
        return box;
    }
}
