package io.colimaservices.app;

import javafx.application.Application;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts the menu-bar app. Kept apart from {@link FxApp} so the launcher class does not extend Application
 * (which would make the plain-classpath launch fail with "JavaFX runtime components are missing").
 */
public final class DesktopApp {
    private static final AtomicReference<LaunchOptions> OPTIONS = new AtomicReference<>(LaunchOptions.defaults());

    private DesktopApp() {
    }

    /** Blocks until the app quits. */
    public static void run(LaunchOptions options) {
        OPTIONS.set(options);
        // No Dock icon, no app-switcher entry: a menu-bar app. Must be set before AWT starts.
        System.setProperty("apple.awt.UIElement", "true");
        System.setProperty("apple.awt.enableTemplateImages", "true");
        Application.launch(FxApp.class);
    }

    static LaunchOptions options() {
        return OPTIONS.get();
    }
}
