package io.colimaservices.app;

import io.colimaservices.domain.UserError;
import javafx.application.Application;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts the menu-bar app. Kept apart from {@link FxApp} so the launcher class does not extend Application
 * (which would make the plain-classpath launch fail with "JavaFX runtime components are missing").
 */
public final class DesktopApp {
    private static final AtomicReference<LaunchOptions> OPTIONS = new AtomicReference<>(LaunchOptions.defaults());
    private static final AtomicReference<CompletableFuture<AppContext>> PREPARED = new AtomicReference<>();
    private static final AtomicReference<Throwable> START_FAILURE = new AtomicReference<>();
    private static final AppExit EXIT = new AppExit();
    private static final AtomicReference<SingleInstance> INSTANCE = new AtomicReference<>();
    private static final AtomicReference<java.util.function.Function<List<String>, String>> SECOND_LAUNCH =
            new AtomicReference<>();
    private static final java.util.concurrent.atomic.AtomicBoolean PENDING_SHOW =
            new java.util.concurrent.atomic.AtomicBoolean();
    private static volatile boolean exitWhenReady;
    /**
     * JavaFX's controls log at INFO through java.util.logging to stderr; the list of a flooded log viewer says "index
     * exceeds maxCellCount" about once a second while its oldest rows go (harmless). Warnings still show. Held here:
     * java.util.logging keeps loggers only weakly.
     */
    private static final java.util.logging.Logger FX_CONTROLS =
            java.util.logging.Logger.getLogger("javafx.scene.control");
    /**
     * Run from the jar ({@code java -jar}, as the README does), JavaFX sits on the class path and says at every start
     * "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'": known, and nothing a user can act
     * on (the packaged app loads JavaFX as modules). Only that message is dropped; JavaFX's other warnings show.
     */
    private static final java.util.logging.Logger FX = java.util.logging.Logger.getLogger("javafx");

    static {
        FX.setFilter(record -> record.getMessage() == null
                || !record.getMessage().startsWith("Unsupported JavaFX configuration"));
    }

    private DesktopApp() {
    }

    /**
     * Starts the app and blocks until it quits.
     *
     * @return the process's exit status: 0 after a Quit, 128 + the signal's number after SIGTERM, SIGINT or SIGHUP
     * @throws UserError when the app cannot start: bad launch options (checked before the toolkit starts), or the
     *                   toolkit or the start failing (the details go to the log file)
     */
    public static int run(LaunchOptions options) {
        return run(options, false);
    }

    /**
     * @param quitWhenReady quit as soon as the first live state is on screen: training runs (AOT cache), smoke tests
     *                      and start-up benchmarks
     */
    public static int run(LaunchOptions options, boolean quitWhenReady) {
        EXIT.handleSignals();
        options.checkUsable(System.getenv());
        Path directory = AppContext.defaultDirectories(System.getenv()).support();
        Optional<SingleInstance> claimed = SingleInstance.claim(directory);
        if (claimed.isEmpty()) {
            // Another instance runs: it brings its window forward; no second tray icon.
            try {
                System.out.println(SingleInstance.handOver(directory, SecondLaunch.request(options)));
                return 0;
            } catch (java.io.UncheckedIOException e) {
                throw new UserError(UserError.Kind.OTHER, "another Colima Services holds "
                        + directory.resolve(SingleInstance.LOCK_FILE) + " but does not answer",
                        "quit it (or end its process), then start the app again");
            }
        }
        INSTANCE.set(claimed.get());
        claimed.get().listen(DesktopApp::secondLaunch);
        OPTIONS.set(options);
        PREPARED.set(prepare(options));
        FX_CONTROLS.setLevel(java.util.logging.Level.WARNING);
        exitWhenReady = quitWhenReady;
        // No Dock icon, no app-switcher entry: a menu-bar app. Must be set before AWT starts.
        System.setProperty("apple.awt.UIElement", "true");
        System.setProperty("apple.awt.enableTemplateImages", "true");
        try {
            Application.launch(FxApp.class);
        } catch (RuntimeException e) {
            // The toolkit did not start (no display, say).
            throw cannotStart(e);
        }
        Throwable failed = START_FAILURE.get();
        if (failed != null) {
            throw failed instanceof UserError userError ? userError : cannotStart(failed);
        }
        return EXIT.status();
    }

    /** A second launch's request: to the running app once it has started, else kept until it has. */
    private static String secondLaunch(List<String> request) {
        java.util.function.Function<List<String>, String> handler = SECOND_LAUNCH.get();
        if (handler == null) {
            PENDING_SHOW.set(true);
            return "Colima Services is starting: its window opens when it is ready";
        }
        return handler.apply(request);
    }

    /** The started app takes second launches from now on (and shows its window if one came while it started). */
    static void onSecondLaunch(java.util.function.Function<List<String>, String> handler) {
        SECOND_LAUNCH.set(handler);
        if (PENDING_SHOW.getAndSet(false)) {
            handler.apply(List.of(SecondLaunch.SHOW));
        }
    }

    /** Releases the lock and the socket: the process is ending. */
    static void releaseInstance() {
        Optional.ofNullable(INSTANCE.getAndSet(null)).ifPresent(SingleInstance::close);
    }

    static AppExit exit() {
        return EXIT;
    }

    /** The start threw: kept for {@link #run} to report once the toolkit has stopped. */
    static void startFailed(Throwable failure) {
        START_FAILURE.compareAndSet(null, failure);
    }

    private static UserError cannotStart(Throwable failure) {
        // The file log is added while the toolkit starts: wait for it, so the details land there.
        CompletableFuture<AppContext> prepared = PREPARED.get();
        Path logs = null;
        if (prepared != null) {
            try {
                logs = prepared.get(5, TimeUnit.SECONDS).directories().logs();
            } catch (ExecutionException | TimeoutException e) {
                // No context, so no file log: the message below is all there is.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LoggerFactory.getLogger(DesktopApp.class).error(LoggingSetup.FILE_ONLY, "the app could not start", failure);
        String reason = failure.getMessage() != null ? failure.getMessage() : failure.getClass().getName();
        return new UserError(UserError.Kind.OTHER, "the menu-bar app could not start: " + reason,
                logs == null ? "" : "the details are in " + logs.resolve(LogFiles.FILE_NAME));
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
