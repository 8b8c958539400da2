package io.colimaservices.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/** Follows the system's light or dark appearance with AtlantaFX's Primer themes. */
final class Theme {
    private static final ReadOnlyBooleanWrapper DARK = new ReadOnlyBooleanWrapper(false);

    private Theme() {
    }

    /** Applies the system's appearance now and whenever it changes; FX thread. */
    static ReadOnlyBooleanProperty followSystem() {
        apply(Platform.getPreferences().getColorScheme());
        Platform.getPreferences().colorSchemeProperty().addListener((obs, old, scheme) -> apply(scheme));
        return DARK.getReadOnlyProperty();
    }

    /** Forces one appearance (snapshots for the docs). */
    static ReadOnlyBooleanProperty use(boolean dark) {
        apply(dark ? ColorScheme.DARK : ColorScheme.LIGHT);
        return DARK.getReadOnlyProperty();
    }

    private static void apply(ColorScheme scheme) {
        boolean dark = scheme == ColorScheme.DARK;
        Application.setUserAgentStylesheet(dark
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        DARK.set(dark);
    }
}
