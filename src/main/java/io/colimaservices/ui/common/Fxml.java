package io.colimaservices.ui.common;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Objects;

/**
 * Loads a page's (or a panel's) layout from its FXML file with the view as its controller: {@code
 * ui/<feature>/<Feature>View} loads {@code /io/colimaservices/ui/<feature>/<Feature>View.fxml}, its {@code fx:id}
 * fields filled and its {@code initialize()} run before this returns. The view's code binds the nodes to its view
 * model and builds what comes from data (rows, cells, menus). The one FXML loader of the project.
 */
public final class Fxml {
    private Fxml() {
    }

    /** Loads {@code <ViewClass>.fxml} beside the view's class, with {@code view} as the controller. */
    public static Parent load(Object view) {
        return load(view, view.getClass().getSimpleName() + ".fxml");
    }

    /** Loads {@code fileName} beside the view's class, with {@code view} as the controller. */
    public static Parent load(Object view, String fileName) {
        Class<?> type = view.getClass();
        URL layout = Objects.requireNonNull(type.getResource(fileName),
                () -> "no layout " + fileName + " beside " + type.getName());
        FXMLLoader loader = new FXMLLoader(layout);
        loader.setController(view);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + layout, e);
        }
    }
}
