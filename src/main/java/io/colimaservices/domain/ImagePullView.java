package io.colimaservices.domain;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One image of a pull run, as the faces show it: a line with bytes, rate and estimate, and its layers.
 *
 * @param downloaded    bytes downloaded so far
 * @param size          bytes to download, as far as known: a layer's size is known once its download starts
 * @param sizeComplete  every layer's size is known, so {@code size} and {@code eta} are not lower bounds
 * @param rate          download bytes per second over the last few seconds; empty until measured
 * @param eta           time left to download and unpack what is known, at the recent pace; empty until measured
 * @param attempt       the attempt under way or last made (1 for the first), 0 before any
 * @param elapsed       since the first attempt started (zero before); the whole pull's duration once finished
 */
public record ImagePullView(ImageReference image, List<String> services, ImagePullState state, long downloaded,
                            long size, boolean sizeComplete, int layersDone, int layerCount, OptionalDouble rate,
                            Optional<Duration> eta, int attempt, Duration elapsed, List<LayerView> layers,
                            Optional<PullFailure> failure) {
    public ImagePullView {
        services = List.copyOf(services);
        layers = List.copyOf(layers);
    }

    public List<LayerView> activeLayers() {
        return layers.stream().filter(l -> l.phase().active()).toList();
    }
}
