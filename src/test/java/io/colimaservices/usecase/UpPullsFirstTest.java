package io.colimaservices.usecase;

import io.colimaservices.domain.ActionResult;
import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.DesiredServices;
import io.colimaservices.domain.EngineWatcher;
import io.colimaservices.domain.FakeEngine;
import io.colimaservices.domain.FakeProvisioner;
import io.colimaservices.domain.Fixtures;
import io.colimaservices.domain.ImageEngine;
import io.colimaservices.domain.ImageReference;
import io.colimaservices.domain.LiveStack;
import io.colimaservices.domain.PullActions;
import io.colimaservices.domain.PullEnd;
import io.colimaservices.domain.PullListener;
import io.colimaservices.domain.RegistryCredentials;
import io.colimaservices.domain.RegistryLogin;
import io.colimaservices.domain.SecretDelivery;
import io.colimaservices.domain.ServiceGroup;
import io.colimaservices.domain.ServiceHooks;
import io.colimaservices.domain.StackActions;
import io.colimaservices.domain.StackListing;
import io.colimaservices.domain.StackProgress;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.StackStore;
import io.colimaservices.domain.StopLedger;
import io.colimaservices.domain.Subscription;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.colimaservices.domain.FakeEngine.Behaviour.healthyAfter;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code up} pulls what its services miss before anything is created, through the pull use case: a refused image ends
 * it naming the image (nothing created), a cancelled pull ends it as cancelled, a present image lets it go on; the
 * tray sees "Pulling images for up db" as busy meanwhile.
 */
class UpPullsFirstTest {
    private final List<String> traced = new CopyOnWriteArrayList<>();
    private final ActionTrace trace = (action, ok, outcome) -> traced.add(action + (ok ? " ok: " : " FAILED: ")
            + outcome);
    private final Catalog catalog = new Catalog(Path.of("/stack/docker-compose.yml"),
            List.of(Fixtures.service("db", ServiceGroup.DATA)));
    private final List<StackProgress> heard = new CopyOnWriteArrayList<>();
    private final List<Set<String>> busyDuringPull = new CopyOnWriteArrayList<>();

    /** "example/db:1" is present, refused (404), or hangs until closed, as told. */
    private static final class Engine implements ImageEngine {
        private final String mode;

        Engine(String mode) {
            this.mode = mode;
        }

        public String host() {
            return "fake://";
        }

        public boolean isPresent(ImageReference image) {
            return mode.equals("present");
        }

        public Subscription pull(ImageReference image, Optional<RegistryLogin> login, PullListener listener) {
            if (mode.equals("missing")) {
                listener.onEnd(new PullEnd.Refused(404, "manifest for example/db:1 not found: manifest unknown"));
            }
            return () -> { };
        }

        public void close() {
        }
    }

    private ActionResult up(String mode, boolean cancelWhenStarted) {
        FakeEngine engine = new FakeEngine().simulate(Duration.ZERO);
        FakeProvisioner compose = new FakeProvisioner(engine.daemon())
                .service("db", healthyAfter(Duration.ofMillis(50)), true);
        StackStore store = new StackStore(StackSnapshot.initial("p", catalog, Optional.empty(), "fake://", "", ""));
        try (EngineWatcher watcher = new EngineWatcher(engine, store)) {
            watcher.relistNow();
            watcher.start();
            StackActions actions = new StackActions(engine, compose, store, ServiceHooks.NONE,
                    new StopLedger(Clock.systemUTC()), SecretDelivery.NONE, DesiredServices.inMemory());
            PullUseCase pulls = new PullUseCase(() -> catalog, policy -> new PullActions(new Engine(mode),
                    registry -> RegistryCredentials.Lookup.none(), policy), trace);
            StackUseCase stack = new StackUseCase(() -> catalog, live(actions), listing(store), () -> compose, trace,
                    Optional.of(pulls), () -> "standard");
            ActionResult result = stack.up(List.of("db"), Duration.ofSeconds(20), step -> {
                heard.add(step);
                if (step instanceof StackProgress.PullStarted started) {
                    busyDuringPull.add(store.current().busy());
                    if (cancelWhenStarted) {
                        started.run().cancel();
                    }
                }
            });
            if (!mode.equals("present")) {
                assertThat(compose.calls).as("nothing created").isEmpty();
            }
            assertThat(store.current().busy()).isEmpty();
            return result;
        }
    }

    @Test
    void aMissingImageEndsUpNamingItBeforeAnythingIsCreated() {
        ActionResult result = up("missing", false);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.failure().orElseThrow().describe()).startsWith("db failed: cannot pull example/db:1: ")
                .contains("no such image or tag");
        assertThat(busyDuringPull).containsExactly(Set.of("Pulling images for up db"));
        assertThat(traced).hasSize(2);
        assertThat(traced.get(0)).startsWith("pull for up db FAILED: example/db:1 failed (not_found)");
        assertThat(traced.get(1)).startsWith("up db FAILED: db failed: cannot pull example/db:1");
    }

    @Test
    void aCancelledPullEndsUpAsCancelled() {
        ActionResult result = up("hanging", true);

        assertThat(result.cancelled()).isTrue();
        assertThat(heard).last().isInstanceOfSatisfying(StackProgress.PullEnded.class,
                ended -> assertThat(ended.describe()).isEqualTo("images: 0 pulled, 0 present, 1 cancelled"));
        assertThat(traced.getLast()).as("as every cancelled stack action").isEqualTo("up db ok: cancelled");
    }

    @Test
    void aPresentImageIsNotPulledAndUpGoesOn() {
        ActionResult result = up("present", false);

        assertThat(result.succeeded()).isTrue();
        assertThat(heard).extracting(StackProgress::describe).contains("checking 1 image, pulling what is missing",
                "example/db:1: already present, not pulled", "images: 0 pulled, 1 present");
        assertThat(traced.getLast()).startsWith("up db ok: 1 service ready");
    }

    private static LiveStack live(StackActions actions) {
        return TestStacks.live(actions);
    }

    private static StackListing listing(StackStore store) {
        return TestStacks.listing(store);
    }
}
