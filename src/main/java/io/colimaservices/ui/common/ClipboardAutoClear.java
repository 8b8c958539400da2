package io.colimaservices.ui.common;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/**
 * Drives the {@link ClipboardKeeper}: a wall-clock check every second on the FX thread, and {@link #wake()} for the
 * app to call when the Mac wakes or the app leaves App Nap (its timers may have fired late or not at all; the check
 * compares wall-clock deadlines, so a late check still clears).
 */
public final class ClipboardAutoClear {
    private final ClipboardKeeper keeper;
    private Timeline timeline;

    public ClipboardAutoClear(ClipboardKeeper keeper) {
        this.keeper = keeper;
    }

    public ClipboardKeeper keeper() {
        return keeper;
    }

    /** Starts the one-second check; FX thread. Idempotent. */
    public void start() {
        if (timeline == null) {
            timeline = new Timeline(new KeyFrame(Duration.seconds(1), e -> keeper.check()));
            timeline.setCycleCount(Animation.INDEFINITE);
        }
        timeline.play();
    }

    /** Stops the timer (the app quits); FX thread. */
    public void stop() {
        if (timeline != null) {
            timeline.stop();
        }
    }

    /** Checks at once, on the FX thread; call on wake from sleep or App Nap. Any thread. */
    public void wake() {
        UiExecutors.fx().execute(keeper::check);
    }
}
