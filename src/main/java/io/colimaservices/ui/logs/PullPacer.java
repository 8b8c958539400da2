package io.colimaservices.ui.logs;

/**
 * When the viewer takes new lines. Normally every frame; under a flood (more lines in a frame than fit on screen),
 * at most every {@link #FLOOD_INTERVAL_NANOS}: each take re-renders every visible row, and doing that 60 times a
 * second for text that scrolls by too fast to read only costs CPU (on a laptop, battery). No line is lost; they
 * wait in the session's buffer.
 */
final class PullPacer {
    /** More new lines than a tall window shows at once. */
    static final int FLOOD_LINES = 60;
    /** Two frames at 60 Hz: lines still arrive 30 times a second. */
    static final long FLOOD_INTERVAL_NANOS = 33_000_000L;

    private long notBefore = Long.MIN_VALUE;

    boolean due(long now) {
        return now >= notBefore;
    }

    void pulled(long now, int lines) {
        notBefore = lines > FLOOD_LINES ? now + FLOOD_INTERVAL_NANOS : Long.MIN_VALUE;
    }
}
