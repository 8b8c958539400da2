package io.colimaservices.domain;

/** A running stream (events, logs); closing it stops the stream and its thread. Idempotent. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
