package io.colimaservices.ui.common;

import javafx.fxml.FXMLLoader;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Loads a view's FXML layout (beside the view's class) with the view itself as its controller. */
public final class FxmlViews {
    private FxmlViews() {
    }

    /** Fills {@code view}'s {@code @FXML} fields from {@code <its package>/fileName}. */
    public static void load(Object view, String fileName) {
        FXMLLoader loader = new FXMLLoader(view.getClass().getResource(fileName));
        loader.setController(view);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + fileName, e);
        }
    }
}
