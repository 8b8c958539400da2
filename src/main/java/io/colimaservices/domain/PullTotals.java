package io.colimaservices.domain;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The whole pull run: bytes over every image, a rate, an estimate.
 *
 * @param sizeComplete every image has started and every layer's size is known
 */
public record PullTotals(long downloaded, long size, boolean sizeComplete, OptionalDouble rate,
                         Optional<Duration> eta, int imagesFinished, int imageCount, Duration elapsed) {
}
