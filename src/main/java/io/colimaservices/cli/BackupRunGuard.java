package io.colimaservices.cli;

import io.colimaservices.domain.backup.Cancellation;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (or SIGTERM) during a backup, verify or restore: the JVM's shutdown waits while the run cancels itself
 * (the command in the container killed, partial files removed, services started again), up to a deadline.
 */
final class BackupRunGuard implements AutoCloseable {
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private final Cancellation cancellation = new Cancellation();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Thread hook;

    BackupRunGuard() {
        hook = new Thread(() -> {
            cancellation.cancel();
            try {
                ended.await(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "backup-cancel-on-exit");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    Cancellation cancellation() {
        return cancellation;
    }

    @Override
    public void close() {
        ended.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it sees the end through the latch
        }
    }
}
