package io.colimaservices.cli;

import io.colimaservices.domain.ImagePullState;
import io.colimaservices.domain.ImagePullView;
import io.colimaservices.domain.ImageReference;
import io.colimaservices.domain.LayerView;
import io.colimaservices.domain.PullProgress;
import io.colimaservices.domain.PullResult;
import io.colimaservices.domain.PullRun;
import io.colimaservices.domain.PullText;
import io.colimaservices.domain.PullView;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code pull} for people. The run's steps (skipped, present, retrying, pulled, failed) print as lines that stay.
 * On a terminal, below them, a block of live lines redraws five times a second: each image being pulled with its
 * bytes, rate, estimate and layers under way, then the totals. Elsewhere (a pipe, a CI log) each image under way
 * prints one line (and its layers under way) every few seconds, and only when it changed.
 */
final class PullScreen implements PullOutput {
    static final Duration LIVE_EVERY = Duration.ofMillis(200);
    static final Duration PLAIN_EVERY = Duration.ofSeconds(3);
    private static final Set<ImagePullState> UNDER_WAY = Set.of(ImagePullState.CHECKING, ImagePullState.PULLING,
            ImagePullState.RETRYING);
    private static final String UP = "\u001B[%dA";
    private static final String CLEAR_LINE = "\r\u001B[2K";
    private static final String CLEAR_BELOW = "\u001B[J";

    private final PrintWriter out;
    private final boolean live;
    private final int width;
    private final Map<ImageReference, String> printed = new HashMap<>();
    private PullRun run;
    private Thread ticker;
    private int drawn;
    private boolean closed;

    PullScreen(PrintWriter out, boolean live, int width) {
        this.out = out;
        this.live = live;
        this.width = width;
    }

    @Override
    public synchronized void accept(PullProgress progress) {
        if (progress instanceof PullProgress.Progress || closed
                || (live && progress instanceof PullProgress.Started)) {
            return;
        }
        clearBlock();
        out.println(progress.describe());
        draw();
    }

    @Override
    public void follow(PullRun pullRun) {
        synchronized (this) {
            this.run = pullRun;
        }
        Duration every = live ? LIVE_EVERY : PLAIN_EVERY;
        ticker = Thread.ofVirtual().name("pull-screen").start(() -> {
            try {
                while (true) {
                    Thread.sleep(every);
                    synchronized (this) {
                        if (closed) {
                            return;
                        }
                        if (live) {
                            draw();
                        } else {
                            printChanged();
                        }
                    }
                }
            } catch (InterruptedException stopped) {
                // closed
            }
        });
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            clearBlock();
        }
        if (ticker != null) {
            ticker.interrupt();
        }
    }

    @Override
    public synchronized void summary(PullResult result) {
        List<String> parts = new ArrayList<>();
        parts.add("pulled " + result.count(ImagePullState.PULLED));
        parts.add("already present " + result.count(ImagePullState.PRESENT));
        if (!result.skipped().isEmpty()) {
            parts.add("skipped " + result.skipped().size() + " service" + (result.skipped().size() == 1 ? "" : "s"));
        }
        if (result.count(ImagePullState.FAILED) > 0) {
            parts.add("failed " + result.count(ImagePullState.FAILED));
        }
        if (result.count(ImagePullState.CANCELLED) > 0) {
            parts.add("cancelled " + result.count(ImagePullState.CANCELLED));
        }
        out.println(String.join(", ", parts));
        out.flush();
    }

    /** The live block: what is under way, then the totals. */
    static List<String> block(PullView view) {
        List<String> lines = new ArrayList<>();
        int waiting = 0;
        for (ImagePullView image : view.images()) {
            if (image.state() == ImagePullState.QUEUED) {
                waiting++;
            } else if (UNDER_WAY.contains(image.state())) {
                lines.add(PullText.line(image));
                for (LayerView layer : image.activeLayers()) {
                    lines.add("    " + PullText.layer(layer));
                }
            }
        }
        if (waiting > 0) {
            lines.add(waiting + " more image" + (waiting == 1 ? "" : "s") + " waiting");
        }
        lines.add("total  " + PullText.totals(view.totals()));
        return lines;
    }

    private void draw() {
        if (!live || run == null || closed) {
            return;
        }
        List<String> lines = block(run.view());
        StringBuilder screen = new StringBuilder();
        if (drawn > 0) {
            screen.append(String.format(UP, drawn));
        }
        for (String line : lines) {
            screen.append(CLEAR_LINE).append(fit(line)).append('\n');
        }
        if (lines.size() < drawn) {
            screen.append(CLEAR_BELOW);
        }
        drawn = lines.size();
        out.print(screen);
        out.flush();
    }

    private void clearBlock() {
        if (drawn > 0) {
            out.print(String.format(UP, drawn) + "\r" + CLEAR_BELOW);
            out.flush();
            drawn = 0;
        }
    }

    /** Plain output: each image under way, when its line changed since it was last printed. */
    private void printChanged() {
        if (run == null) {
            return;
        }
        for (ImagePullView image : run.view().images()) {
            if (image.state() != ImagePullState.PULLING) {
                continue;
            }
            StringBuilder text = new StringBuilder(PullText.line(image));
            for (LayerView layer : image.activeLayers()) {
                text.append(System.lineSeparator()).append("    ").append(PullText.layer(layer));
            }
            String now = text.toString();
            if (!now.equals(printed.put(image.image(), now))) {
                out.println(now);
            }
        }
        out.flush();
    }

    /** Cut to the terminal's width: a wrapped line would throw the redraw's line count off. */
    private String fit(String line) {
        return line.length() < width ? line : line.substring(0, Math.max(0, width - 2)) + "…";
    }
}
