package io.colimaservices.usecase;

import io.colimaservices.domain.ActionResult;
import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.DesiredServices;
import io.colimaservices.domain.EngineWatcher;
import io.colimaservices.domain.FakeEngine;
import io.colimaservices.domain.FakeProvisioner;
import io.colimaservices.domain.Fixtures;
import io.colimaservices.domain.PullPlan;
import io.colimaservices.domain.SecretDelivery;
import io.colimaservices.domain.ServiceHooks;
import io.colimaservices.domain.StackActions;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.StackStore;
import io.colimaservices.domain.StopLedger;
import io.colimaservices.domain.UserError;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static io.colimaservices.domain.FakeEngine.Behaviour.healthyAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tiers in the use cases: up without a target starts the default tier; pull --tier plans a tier's images. */
class TierUseCaseTest {
    private final Catalog catalog = Fixtures.tieredStack();

    @Test
    void upWithNothingNamedStartsTheDefaultTier() {
        FakeEngine engine = new FakeEngine().simulate(Duration.ZERO);
        FakeProvisioner compose = new FakeProvisioner(engine.daemon());
        for (String name : catalog.serviceNames()) {
            compose.service(name, healthyAfter(Duration.ofMillis(20)), true);
        }
        StackStore store = new StackStore(StackSnapshot.initial("p", catalog, Optional.empty(), "fake://", "", ""));
        try (EngineWatcher watcher = new EngineWatcher(engine, store)) {
            watcher.relistNow();
            watcher.start();
            StackActions actions = new StackActions(engine, compose, store, ServiceHooks.NONE,
                    new StopLedger(Clock.systemUTC()), SecretDelivery.NONE, DesiredServices.inMemory());
            StackUseCase stack = new StackUseCase(() -> catalog, TestStacks.live(actions), TestStacks.listing(store),
                    () -> compose, ActionTrace.NONE, Optional.empty(), () -> "minimal");

            ActionResult up = stack.up(List.of(), List.of(), Duration.ofSeconds(20), p -> { });

            assertThat(up.succeeded()).isTrue();
            assertThat(compose.calls).containsExactly("create vault postgres");
            assertThat(stack.defaultTier()).isEqualTo("minimal");
            assertThat(stack.tiers()).containsExactly("minimal", "standard", "full", "reference", "lab");
        }
    }

    @Test
    void pullPlansATiersImagesAndRefusesAnUnknownTier() {
        PullUseCase pulls = new PullUseCase(() -> catalog, policy -> {
            throw new AssertionError("planning pulls nothing");
        }, ActionTrace.NONE);

        PullPlan plan = pulls.plan(List.of(), List.of("standard"));
        assertThat(plan.images()).extracting(i -> i.image().toString())
                .containsExactly("example/vault:1", "example/postgres:1", "example/redis:1");
        assertThat(pulls.plan(List.of("lab"), List.of("reference")).images()).extracting(i -> i.image().toString())
                .containsExactly("example/vault:1", "example/shop:1", "example/lab:1");
        assertThat(pulls.plan(List.of(), List.of()).images()).hasSize(6);
        assertThatThrownBy(() -> pulls.plan(List.of(), List.of("huge"))).isInstanceOf(UserError.class)
                .hasMessageContaining("unknown tier 'huge'");
    }
}
