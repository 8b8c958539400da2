package io.colimaservices.testing;

import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Window;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Brings a headless JavaFX page to the state a test reads, at any pulse rate. JavaFX applies CSS, lays out (a list or
 * table makes its cells, a scroll bar takes its range, a node newly shown gets its bounds) and steps animations only
 * on a pulse, 60 a second normally and much later on a loaded machine. A test that reads the page right after the FX
 * events ran could find it not laid out yet; run the view tests with {@code -Djavafx.animation.pulse=2} to see every
 * such dependency fail (the build runs them so too).
 */
public final class FxSettle {
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private FxSettle() {
    }

    /**
     * Runs the queued FX events, then lays every showing scene out on the FX thread (CSS, then layout) as the next
     * pulse would; twice, for what the first layout queued in turn (a skin's listener, a cell's update).
     */
    public static void settle() {
        for (int round = 0; round < 2; round++) {
            WaitForAsyncUtils.waitForFxEvents();
            runOnFx(FxSettle::layOutShowingScenes);
        }
    }

    /**
     * Waits until a node stands still inside its scene: the same bounds after a pulse as before it, and within the
     * scene. An animation steps once per pulse, so one that moves the node (a bar sliding in) has then ended.
     */
    public static void waitUntilStill(Node node) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        Bounds before = onFx(() -> inScene(node));
        while (true) {
            awaitPulse(node);
            Bounds now = onFx(() -> inScene(node));
            if (now.equals(before) && onFx(() -> within(node, now))) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not standing still within " + DEADLINE.toSeconds() + " s: " + node
                        + " at " + now);
            }
            before = now;
        }
    }

    /** Waits until a condition, read on the FX thread, holds; fails after the deadline. */
    public static void waitUntil(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(DEADLINE.toMillis(), TimeUnit.MILLISECONDS,
                    () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (TimeoutException e) {
            throw new AssertionError("not within " + DEADLINE.toSeconds() + " s: " + what, e);
        }
        settle();
    }

    /**
     * A node's bounds in its scene, read on the FX thread: computing bounds fills caches the FX thread may be
     * changing at the same time (read from the test thread during a pulse, it once threw IndexOutOfBounds).
     */
    public static Bounds boundsInScene(Node node) {
        return onFx(() -> inScene(node));
    }

    /** Runs on the FX thread and returns what it answered, or throws what it threw. */
    public static <T> T onFx(Callable<T> call) {
        try {
            return WaitForAsyncUtils.asyncFx(call).get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new AssertionError("the FX thread did not answer within " + DEADLINE.toSeconds() + " s", e);
        }
    }

    private static void runOnFx(Runnable run) {
        onFx(() -> {
            run.run();
            return null;
        });
    }

    private static void layOutShowingScenes() {
        List<Window> windows = new ArrayList<>(Window.getWindows());
        for (Window window : windows) {
            Scene scene = window.getScene();
            if (window.isShowing() && scene != null) {
                Parent root = scene.getRoot();
                root.applyCss();
                root.layout();
                // A pulse also lays out the unmanaged parents that asked for it (layout roots of their own, which
                // the root's pass does not reach when nothing above them changed).
                layOutDirty(root);
            }
        }
    }

    private static void layOutDirty(Parent parent) {
        if (parent.isNeedsLayout()) {
            parent.layout();
        }
        for (Node child : parent.getChildrenUnmodifiable()) {
            if (child instanceof Parent inner) {
                layOutDirty(inner);
            }
        }
    }

    /**
     * Waits for the end of the next pulse. A window shown, moved or resized gets its new place on the screen (the
     * native window, where the mouse lands) only on a pulse, not when its x and y change; laying out cannot do that.
     */
    public static void awaitPulse() {
        settle();
        Scene scene = onFx(() -> Window.getWindows().stream().filter(Window::isShowing).map(Window::getScene)
                .filter(java.util.Objects::nonNull).findFirst()
                .orElseThrow(() -> new IllegalStateException("no window is showing")));
        awaitPulse(scene);
    }

    /** Waits for the end of the next pulse of the node's scene (asking for one, as an idle scene has none). */
    private static void awaitPulse(Node node) {
        awaitPulse(onFx(node::getScene));
    }

    private static void awaitPulse(Scene scene) {
        CountDownLatch pulsed = new CountDownLatch(1);
        Runnable listener = pulsed::countDown;
        runOnFx(() -> {
            scene.addPostLayoutPulseListener(listener);
            Platform.requestNextPulse();
        });
        try {
            if (!pulsed.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("no pulse within " + DEADLINE.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            runOnFx(() -> scene.removePostLayoutPulseListener(listener));
        }
    }

    private static Bounds inScene(Node node) {
        return node.localToScene(node.getBoundsInLocal());
    }

    private static boolean within(Node node, Bounds bounds) {
        Scene scene = node.getScene();
        return bounds.getMinX() >= 0 && bounds.getMinY() >= 0 && bounds.getMaxX() <= scene.getWidth()
                && bounds.getMaxY() <= scene.getHeight();
    }
}
