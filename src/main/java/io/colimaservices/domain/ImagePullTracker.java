package io.colimaservices.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The state of one image in a pull run, fed by the engine's progress messages. Counts work as bytes downloaded plus
 * bytes unpacked (each layer stands for twice its size), so the estimate covers both steps; the rate shown is the
 * download's. Bytes only ever add up: a download that starts over adds nothing until it passes where it was.
 * Not thread-safe: the run guards it.
 */
final class ImagePullTracker {
    private static final Duration RATE_WINDOW = Duration.ofSeconds(5);

    private final ImageReference image;
    private final List<String> services;
    private final Map<String, LayerTracker> layers = new LinkedHashMap<>();
    private final RateMeter downloadRate = new RateMeter(RATE_WINDOW);
    private final RateMeter workRate = new RateMeter(RATE_WINDOW);
    private ImagePullState state = ImagePullState.QUEUED;
    private int attempt;
    private boolean finalStatusSeen;
    private long movedDownload;
    private long movedWork;
    private long startedNanos = -1;
    private long finishedNanos = -1;
    private PullFailure failure;

    ImagePullTracker(ImageReference image, List<String> services) {
        this.image = image;
        this.services = List.copyOf(services);
    }

    ImageReference image() {
        return image;
    }

    List<String> services() {
        return services;
    }

    ImagePullState state() {
        return state;
    }

    void state(ImagePullState next, long now) {
        state = next;
        if (next.finished() && finishedNanos < 0) {
            finishedNanos = now;
        }
    }

    void attemptStarted(int number, long now) {
        attempt = number;
        finalStatusSeen = false;
        state = ImagePullState.PULLING;
        if (startedNanos < 0) {
            startedNanos = now;
            downloadRate.record(now, movedDownload);
            workRate.record(now, movedWork);
        }
    }

    void failed(PullFailure cause, long now) {
        failure = cause;
        state(ImagePullState.FAILED, now);
    }

    /** The engine said the image is there ("Status: Downloaded newer image ..." or "... up to date ..."). */
    boolean finalStatusSeen() {
        return finalStatusSeen;
    }

    void apply(PullEvent event, long now) {
        if (!event.isLayer()) {
            if (event.status().startsWith("Status: ")) {
                finalStatusSeen = true;
            }
            return;
        }
        LayerTracker layer = layers.computeIfAbsent(event.layer(), LayerTracker::new);
        long downloadBefore = layer.downloaded();
        long workBefore = layer.workDone();
        layer.apply(event.status(), event.current(), event.total());
        movedDownload += Math.max(0, layer.downloaded() - downloadBefore);
        movedWork += Math.max(0, layer.workDone() - workBefore);
        downloadRate.record(now, movedDownload);
        workRate.record(now, movedWork);
    }

    /** Download and work rates now, for the run's totals; empty when finished or not measured yet. */
    OptionalDouble downloadRate(long now) {
        return state.finished() ? OptionalDouble.empty() : downloadRate.perSecond(now);
    }

    OptionalDouble workRate(long now) {
        return state.finished() ? OptionalDouble.empty() : workRate.perSecond(now);
    }

    long workLeft() {
        long left = 0;
        for (LayerTracker l : layers.values()) {
            left += Math.max(0, l.work() - l.workDone());
        }
        return state.finished() ? 0 : left;
    }

    /** Whether every layer's size is known (an image not started yet knows none). */
    boolean sizeComplete() {
        if (state.finished()) {
            return true;
        }
        return attempt > 0 && !layers.isEmpty() && layers.values().stream().allMatch(LayerTracker::sizeKnown);
    }

    ImagePullView view(long now) {
        long downloaded = 0;
        long size = 0;
        int done = 0;
        List<LayerView> layerViews = new ArrayList<>();
        for (LayerTracker l : layers.values()) {
            if (l.counts()) {
                downloaded += l.downloaded();
                size += l.size();
            }
            if (l.phase().finished()) {
                done++;
            }
            layerViews.add(l.view());
        }
        boolean running = !state.finished();
        OptionalDouble rate = running ? downloadRate.perSecond(now) : OptionalDouble.empty();
        Optional<Duration> eta = running && (size > 0 || sizeComplete())
                ? estimate(workLeft(), workRate.perSecond(now)) : Optional.empty();
        Duration elapsed = startedNanos < 0 ? Duration.ZERO
                : Duration.ofNanos((finishedNanos >= 0 ? finishedNanos : now) - startedNanos);
        return new ImagePullView(image, services, state, downloaded, size, sizeComplete(), done, layers.size(), rate,
                eta, attempt, elapsed, layerViews, Optional.ofNullable(failure));
    }

    /** Time for {@code left} units at {@code rate} units per second; empty while the rate is unknown or zero. */
    static Optional<Duration> estimate(long left, OptionalDouble rate) {
        if (left <= 0) {
            return Optional.of(Duration.ZERO);
        }
        if (rate.isEmpty() || rate.getAsDouble() < 1) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis((long) Math.ceil(left * 1000 / rate.getAsDouble())));
    }
}
