package io.colimaservices.ui.dashboard;

import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.ImageEngine;
import io.colimaservices.domain.ImagePullState;
import io.colimaservices.domain.ImageReference;
import io.colimaservices.domain.PullActions;
import io.colimaservices.domain.PullEvent;
import io.colimaservices.domain.PullListener;
import io.colimaservices.domain.PullPolicy;
import io.colimaservices.domain.PullResult;
import io.colimaservices.domain.RegistryCredentials;
import io.colimaservices.domain.RegistryLogin;
import io.colimaservices.domain.ServiceGroup;
import io.colimaservices.domain.StackProgress;
import io.colimaservices.domain.Subscription;
import io.colimaservices.usecase.ActionTrace;
import io.colimaservices.usecase.PullUseCase;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.colimaservices.domain.Fixtures.tiered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pull progress model without a toolkit (a synchronous executor applies each change at once), driven by the pull
 * use case over an engine that sends part of a layer and then holds the stream open, as a slow registry would.
 */
class PullProgressViewModelTest {
    private static final long SIZE = 40_000_000;

    /** Sends progress for "a:1" and holds; "b:1" is already present. Counts streams closed by the app. */
    private static final class HoldingEngine implements ImageEngine {
        final AtomicInteger closed = new AtomicInteger();
        final CountDownLatch sent = new CountDownLatch(1);

        public String host() {
            return "fake://engine";
        }

        public boolean isPresent(ImageReference image) {
            return image.toString().equals("example/b:1");
        }

        public Subscription pull(ImageReference image, Optional<RegistryLogin> login, PullListener listener) {
            String name = image.toString();
            listener.onEvent(new PullEvent(name, "", "Pulling from example/a", -1, -1));
            listener.onEvent(new PullEvent(name, "l1", "Pulling fs layer", -1, -1));
            listener.onEvent(new PullEvent(name, "l1", "Downloading", SIZE / 4, SIZE));
            sent.countDown();
            return closed::incrementAndGet;
        }

        public void close() {
        }
    }

    private final HoldingEngine engine = new HoldingEngine();
    private final Catalog catalog = new Catalog(Path.of("/stack/docker-compose.yml"), List.of(
            withImage("a", "example/a:1"), withImage("b", "example/b:1")));
    private final PullUseCase pulls = new PullUseCase(() -> catalog, policy -> new PullActions(engine,
            registry -> RegistryCredentials.Lookup.none(), policy), ActionTrace.NONE);
    private final PullProgressViewModel model = new PullProgressViewModel(Runnable::run);

    private static io.colimaservices.domain.ServiceDefinition withImage(String name, String image) {
        io.colimaservices.domain.ServiceDefinition d = tiered(name, ServiceGroup.APPS);
        return new io.colimaservices.domain.ServiceDefinition(d.name(), d.group(), image, d.ports(), d.dependsOn(),
                false, Optional.empty(), Optional.empty(), d.tls(), Optional.empty(), "", java.util.Set.of(), 1, false);
    }

    @Test
    void showsALinePerImageATotalAndCancelStopsThePull() throws Exception {
        PullPolicy policy = PullPolicy.DEFAULT.withStallTimeout(Duration.ofMinutes(5));
        try (PullUseCase.Session session = pulls.start(List.of(), policy, step -> { })) {
            assertThat(model.activeProperty().get()).isFalse();
            model.accept(new StackProgress.PullStarted("", session.run(), 2));
            assertThat(engine.sent.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(model.activeProperty().get()).isTrue();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                model.refresh();
                assertThat(model.images()).hasSize(2);
                assertThat(model.images().getFirst()).startsWith("example/a:1  10.0 MB/40.0 MB  ")
                        .endsWith("  (0/1 layers)");
                assertThat(model.images().get(1)).isEqualTo("example/b:1  already present");
            });
            assertThat(model.totalProperty().get()).startsWith("total  1/2 images  10.0 MB/40.0 MB");
            assertThat(model.fractionProperty().get()).isEqualTo(0.25);

            model.cancel();
            assertThat(model.cancelledProperty().get()).isTrue();
            PullResult result = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return session.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }).get(10, TimeUnit.SECONDS);
            assertThat(result.images()).extracting(i -> i.image() + " " + i.state())
                    .containsExactly("example/a:1 " + ImagePullState.CANCELLED, "example/b:1 " + ImagePullState.PRESENT);
            assertThat(engine.closed.get()).as("the engine stream was closed").isPositive();
            model.accept(new StackProgress.PullEnded("", result));
            assertThat(model.activeProperty().get()).isFalse();
            assertThat(model.images()).containsExactly("example/a:1  cancelled", "example/b:1  already present");
        }
    }

    @Test
    void otherStepsAndCancelWithoutARunDoNothing() {
        model.accept(new StackProgress.Starting("vault"));
        model.cancel();
        model.refresh();
        assertThat(model.images()).isEmpty();
        assertThat(model.activeProperty().get()).isFalse();
        assertThat(model.cancelledProperty().get()).isFalse();
    }
}
