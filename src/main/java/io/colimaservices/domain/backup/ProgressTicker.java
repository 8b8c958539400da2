package io.colimaservices.domain.backup;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Reports a service's bytes and rate every half second while its stream runs (a virtual thread reading a
 * counter), with the rate over the last {@value #WINDOW_SECONDS} seconds, so a stalled stream's rate falls to zero.
 */
final class ProgressTicker implements AutoCloseable {
    private static final int WINDOW_SECONDS = 5;
    private static final Duration TICK = Duration.ofMillis(500);

    private record Sample(long nanos, long bytes) {
    }

    private final Thread thread;

    ProgressTicker(String service, LongSupplier bytes, Consumer<BackupEvent> listener) {
        thread = Thread.ofVirtual().name("backup-progress-" + service).start(() -> {
            Deque<Sample> samples = new ArrayDeque<>();
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(TICK);
                    long now = System.nanoTime();
                    long value = bytes.getAsLong();
                    samples.addLast(new Sample(now, value));
                    while (samples.size() > 2 && now - samples.getFirst().nanos > WINDOW_SECONDS * 1_000_000_000L) {
                        samples.removeFirst();
                    }
                    Sample first = samples.getFirst();
                    OptionalDouble rate = now - first.nanos >= TICK.toNanos()
                            ? OptionalDouble.of((value - first.bytes) * 1e9 / (now - first.nanos))
                            : OptionalDouble.empty();
                    listener.accept(new BackupEvent.Progress(service, value, rate));
                }
            } catch (InterruptedException e) {
                // closed
            }
        });
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
