package io.colimaservices.app;

import javafx.application.Application;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts the menu-bar app. Kept apart from {@link FxApp} so the launcher class does not extend Application
 * (which would make the plain-classpath launch fail with "JavaFX runtime components are missing").
 */
public final class DesktopApp {
    private static final AtomicReference<LaunchOptions> OPTIONS = new AtomicReference<>(LaunchOptions.defaults());
    private static final AtomicReference<CompletableFuture<AppContext>> PREPARED = new AtomicReference<>();
    private static volatile boolean exitWhenReady;
    /**
     * JavaFX's controls log at INFO through java.util.logging to stderr; the list of a flooded log viewer says "index
     * exceeds maxCellCount" about once a second while its oldest rows go (harmless). Warnings still show. Held here:
     * java.util.logging keeps loggers only weakly.
     */
    private static final java.util.logging.Logger FX_CONTROLS =
            java.util.logging.Logger.getLogger("javafx.scene.control");

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
        PREPARED.set(prepare(options));
        FX_CONTROLS.setLevel(java.util.logging.Level.WARNING);
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

    /**
     * The context with its file log, settings and catalog (the shipped stack installed first), made while the
     * toolkit starts: both take tens of milliseconds and neither needs the other.
     */
    static AppContext context() {
        CompletableFuture<AppContext> prepared = PREPARED.getAndSet(null);
        return prepared == null ? new AppContext(options()) : prepared.join();
    }

    private static CompletableFuture<AppContext> prepare(LaunchOptions options) {
        CompletableFuture<AppContext> prepared = new CompletableFuture<>();
        Thread.ofVirtual().name("prepare-context").start(() -> {
            try {
                AppContext context = new AppContext(options);
                LogFiles.addAppLog(context.directories().logs());
                context.catalogOrError();
                prepared.complete(context);
                try {
                    // Built now, while the window is: the Docker client takes tens of ms to make, and Docker is
                    // what the app asks first.
                    context.engine();
                } catch (RuntimeException e) {
                    // Reported where the app connects.
                }
            } catch (RuntimeException | Error e) {
                prepared.completeExceptionally(e);
            }
        });
        return prepared;
    }
}
