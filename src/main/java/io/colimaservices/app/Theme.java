package io.colimaservices.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.application.Platform;

/** Follows the system's light or dark appearance with AtlantaFX's Primer themes. */
final class Theme {
    private Theme() {
    }

    static void followSystem() {
        apply(Platform.getPreferences().getColorScheme());
        Platform.getPreferences().colorSchemeProperty().addListener((obs, old, scheme) -> apply(scheme));
    }

    private static void apply(ColorScheme scheme) {
        Application.setUserAgentStylesheet(scheme == ColorScheme.DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }
}
