package io.colimaservices.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

import java.time.Duration;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * How the menu-bar app ends, whoever asks: Quit (menu, window, {@code --exit-when-ready}), SIGTERM (logout, kill),
 * SIGINT (Ctrl-C), SIGHUP.
 * <p>
 * The JVM's own answer to those signals is to run its shutdown hooks while every thread keeps running. JavaFX's hook
 * disposes of the graphics pipeline under the FX thread, which may at that moment be showing a window or picking a
 * mouse event, and then dies on a NullPointerException from {@code GraphicsPipeline.getPipeline()}. So here a signal
 * is a request to quit like the menu's: the FX thread takes the app down and stops the toolkit (whose own exit
 * disposes of the pipeline on the FX thread and removes the hook), and only then does the process exit, with 128 +
 * the signal's number. A signal that comes before the app has started is kept and honoured as soon as it starts.
 * Once a quit is under way, the process ends within {@link #DEADLINE} whatever hangs.
 */
final class AppExit {
    static final Duration DEADLINE = Duration.ofSeconds(6);
    private static final Logger LOG = LoggerFactory.getLogger(AppExit.class);
    private static final Map<String, Integer> SIGNALS = Map.of("TERM", 15, "INT", 2, "HUP", 1);

    private final Duration deadline;
    private final IntConsumer halt;
    private Runnable quit;
    private boolean requested;
    private boolean deadlineSet;
    private int status;

    AppExit() {
        this(DEADLINE, code -> Runtime.getRuntime().halt(code));
    }

    /** @param halt ends the process at once with the status (tests record it) */
    AppExit(Duration deadline, IntConsumer halt) {
        this.deadline = deadline;
        this.halt = halt;
    }

    /**
     * Turns SIGTERM, SIGINT and SIGHUP into quit requests. A signal the process was started with set to ignore
     * (SIGINT for a job a non-interactive shell put in the background, SIGHUP under nohup) stays ignored: the JVM
     * keeps such a disposition.
     */
    void handleSignals() {
        SIGNALS.forEach((name, number) -> {
            try {
                Signal.handle(new Signal(name), signal -> requestQuit(128 + number));
            } catch (IllegalArgumentException e) {
                LOG.debug("SIG{} stays with the JVM: {}", name, e.getMessage());
            }
        });
    }

    /** A signal asks to quit, with {@code exitStatus}; the first request wins, later ones change nothing. */
    void requestQuit(int exitStatus) {
        Runnable action;
        synchronized (this) {
            if (requested) {
                return;
            }
            requested = true;
            status = exitStatus;
            action = quit;
        }
        LOG.info("quit requested (exit status {})", exitStatus);
        quitting();
        if (action != null) {
            action.run();
        }
    }

    /**
     * The app has started and quits through {@code quitAction} (which may be called on any thread).
     *
     * @return false when a quit was requested before: the caller stops the toolkit at once instead of starting
     */
    synchronized boolean started(Runnable quitAction) {
        quit = quitAction;
        return !requested;
    }

    /** A quit is under way (whoever asked): from now on the process ends within the deadline. */
    void quitting() {
        synchronized (this) {
            if (deadlineSet) {
                return;
            }
            deadlineSet = true;
        }
        Thread.ofPlatform().daemon().name("quit-deadline").start(() -> {
            try {
                Thread.sleep(deadline);
            } catch (InterruptedException e) {
                return;
            }
            int code = status();
            LOG.warn("quitting took longer than {} s: ending the process now", deadline.toSeconds());
            halt.accept(code);
        });
    }

    /** 0 after a Quit, 128 + the signal's number after a signal. */
    synchronized int status() {
        return status;
    }
}
