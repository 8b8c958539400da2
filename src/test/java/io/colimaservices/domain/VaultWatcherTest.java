package io.colimaservices.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class VaultWatcherTest {

    /** A gateway whose status call blocks until released, counting calls. */
    static final class SlowGateway implements VaultGateway {
        final AtomicInteger calls = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public String address() {
            return "http://127.0.0.1:8200";
        }

        @Override
        public VaultState status() {
            calls.incrementAndGet();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new VaultState(address(), VaultPhase.SEALED, 1, 3, 5, Optional.of("1.18.5"), false,
                    Optional.empty());
        }

        @Override
        public InitResult initialize(int shares, int threshold) {
            throw new UnsupportedOperationException();
        }

        @Override
        public VaultState submitUnsealShare(String share) {
            throw new UnsupportedOperationException();
        }

        @Override
        public VaultState resetUnseal() {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void manyRefreshesWhileOneRunsCollapseIntoOneMore() {
        SlowGateway gateway = new SlowGateway();
        StackStore store = new StackStore(Fixtures.snapshot(Fixtures.smallStack()));
        VaultWatcher watcher = new VaultWatcher(gateway, store);

        for (int i = 0; i < 50; i++) {
            watcher.refresh();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> gateway.calls.get() == 1);
        gateway.release.countDown();

        await().atMost(Duration.ofSeconds(5)).until(() -> store.current().vault().phase() == VaultPhase.SEALED);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> gateway.calls.get() == 2);
        assertThat(store.current().vault().progress()).isEqualTo(1);
    }
}
