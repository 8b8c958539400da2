package io.colimaservices.app;

import javafx.application.Application;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts the menu-bar app. Kept apart from {@link FxApp} so the launcher class does not extend Application
 * (which would make the plain-classpath launch fail with "JavaFX runtime components are missing").
 */
public final class DesktopApp {
    private static final AtomicReference<LaunchOptions> OPTIONS = new AtomicReference<>(LaunchOptions.defaults());
    private static volatile boolean exitWhenReady;

    private DesktopApp() {
    }

    /** Blocks until the app quits. */
    public static void run(LaunchOptions options) {
        run(options, false);
    }

    /**
     * @param quitWhenReady quit as soon as the first live state is on screen: training runs (AOT cache), smoke tests
     *                      and start-up benchmarks
     */
    public static void run(LaunchOptions options, boolean quitWhenReady) {
        OPTIONS.set(options);
        exitWhenReady = quitWhenReady;
        // No Dock icon, no app-switcher entry: a menu-bar app. Must be set before AWT starts.
        System.setProperty("apple.awt.UIElement", "true");
        System.setProperty("apple.awt.enableTemplateImages", "true");
        Application.launch(FxApp.class);
    }

    static boolean exitWhenReady() {
        return exitWhenReady;
    }

    static LaunchOptions options() {
        return OPTIONS.get();
    }
}
