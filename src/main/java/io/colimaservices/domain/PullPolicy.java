package io.colimaservices.domain;

import java.time.Duration;

/**
 * How a pull run behaves.
 *
 * @param parallel      images pulled at once. Small: the engine downloads three layers at a time across all pulls
 *                      (dockerd's {@code max-concurrent-downloads}), so more images at once bring no speed, only a
 *                      longer wait for each
 * @param attempts      attempts per image when a pull breaks (a broken stream, a stall, a registry lost)
 * @param firstRetry    the wait before the second attempt; each next wait doubles, up to {@code maxRetry}
 * @param stallTimeout  how long a pull may send no progress at all before it counts as broken. The engine itself
 *                      never gives up on a registry connection that stops sending (seen on Docker 20.10: a pull
 *                      waited 11 minutes on a silent connection); its progress messages come several times a
 *                      second while bytes move, and every second while it waits to retry
 */
public record PullPolicy(int parallel, int attempts, Duration firstRetry, Duration maxRetry, Duration stallTimeout) {
    public static final PullPolicy DEFAULT = new PullPolicy(3, 4, Duration.ofSeconds(2), Duration.ofSeconds(16),
            Duration.ofSeconds(60));

    public PullPolicy {
        if (parallel < 1 || attempts < 1) {
            throw new IllegalArgumentException("parallel and attempts must be at least 1");
        }
        if (stallTimeout.isZero() || stallTimeout.isNegative()) {
            throw new IllegalArgumentException("the stall timeout must be longer than zero");
        }
    }

    public PullPolicy withStallTimeout(Duration timeout) {
        return new PullPolicy(parallel, attempts, firstRetry, maxRetry, timeout);
    }

    public PullPolicy withParallel(int images) {
        return new PullPolicy(images, attempts, firstRetry, maxRetry, stallTimeout);
    }
}
