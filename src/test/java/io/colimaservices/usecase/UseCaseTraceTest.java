package io.colimaservices.usecase;

import io.colimaservices.domain.ActionResult;
import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.DesiredServices;
import io.colimaservices.domain.EngineWatcher;
import io.colimaservices.domain.FakeEngine;
import io.colimaservices.domain.FakeProvisioner;
import io.colimaservices.domain.Fixtures;
import io.colimaservices.domain.LiveStack;
import io.colimaservices.domain.SecretDelivery;
import io.colimaservices.domain.ServiceGroup;
import io.colimaservices.domain.ServiceHooks;
import io.colimaservices.domain.StackActions;
import io.colimaservices.domain.StackListing;
import io.colimaservices.domain.StackRecovery;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.StackStore;
import io.colimaservices.domain.StopLedger;
import io.colimaservices.domain.UserError;
import io.colimaservices.ui.preferences.FakeSettings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.colimaservices.domain.FakeEngine.Behaviour.exitsAfter;
import static io.colimaservices.domain.FakeEngine.Behaviour.healthyAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every use case that changes something leaves one trace line with its outcome, and never more than a message. */
class UseCaseTraceTest {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final ActionTrace trace = (action, succeeded, outcome) ->
            lines.add(action + (succeeded ? " ok: " : " FAILED: ") + outcome);

    @Test
    void aStackActionTracesItsSummaryOrItsFailureOnce() {
        Catalog catalog = new Catalog(Path.of("/stack/docker-compose.yml"),
                List.of(Fixtures.service("db", ServiceGroup.DATA), Fixtures.service("broken", ServiceGroup.DATA)));
        FakeEngine engine = new FakeEngine().simulate(Duration.ZERO);
        FakeProvisioner compose = new FakeProvisioner(engine.daemon())
                .service("db", healthyAfter(Duration.ofMillis(50)), true)
                .service("broken", exitsAfter(Duration.ofMillis(50), 3), false);
        StackStore store = new StackStore(StackSnapshot.initial("p", catalog, Optional.empty(), "fake://", "", ""));
        try (EngineWatcher watcher = new EngineWatcher(engine, store)) {
            watcher.relistNow();
            watcher.start();
            StackActions actions = new StackActions(engine, compose, store, ServiceHooks.NONE,
                    new StopLedger(Clock.systemUTC()), SecretDelivery.NONE, DesiredServices.inMemory());
            StackUseCase stack = new StackUseCase(() -> catalog, live(actions), listing(store), () -> compose, trace);

            ActionResult up = stack.up(List.of("db"), Duration.ofSeconds(20), p -> { });
            ActionResult failed = stack.up(List.of("broken"), Duration.ofSeconds(20), p -> { });
            assertThatThrownBy(() -> stack.restart("nope", Duration.ofSeconds(5), p -> { }))
                    .isInstanceOf(UserError.class);
            stack.down(List.of("db"), p -> { });

            assertThat(up.succeeded()).isTrue();
            assertThat(failed.succeeded()).isFalse();
            assertThat(lines).hasSize(4);
            assertThat(lines.get(0)).startsWith("up db ok: 1 service ready: 1 created in");
            assertThat(lines.get(1)).isEqualTo("up broken FAILED: broken failed: exited with code 3");
            assertThat(lines.get(2)).startsWith("restart nope FAILED: unknown service");
            assertThat(lines.get(3)).startsWith("down db ok: stopped 1 service in");
        }
    }

    @Test
    void aRecoveryThatRanByItselfIsTracedToo() {
        StackUseCase stack = new StackUseCase(() -> null, null, null, () -> null, trace);

        stack.recovered(new StackRecovery.Report("woke from sleep", java.util.Set.of(), ActionResult.OK));
        stack.recovered(new StackRecovery.Report("Docker is reachable", java.util.Set.of("db"), ActionResult.OK));

        assertThat(lines).containsExactly("recover (woke from sleep) ok: nothing to do",
                "recover (Docker is reachable) ok: db ready again");
    }

    @Test
    void anUnexpectedFailureIsTracedByItsClassOnlyAndPassedOn() {
        assertThatThrownBy(() -> trace.run("vault bootstrap", () -> {
            throw new IllegalStateException("token hvs.s3cr3t leaked into a message");
        }, o -> "")).isInstanceOf(IllegalStateException.class);

        assertThat(lines).containsExactly("vault bootstrap FAILED: unexpected failure (IllegalStateException)");
    }

    @Test
    void settingsChangesAreTracedWithWhereTheyWent() {
        FakeSettings settings = new FakeSettings();
        SettingsUseCase useCase = new SettingsUseCase(settings, () -> settings.login, () -> { }, trace);

        useCase.setLaunchAtLogin(true, settings.load().settings());
        settings.login.failNext = new UserError(UserError.Kind.OTHER, "launchctl refused");
        assertThatThrownBy(() -> useCase.setLaunchAtLogin(false, settings.load().settings()))
                .isInstanceOf(UserError.class);

        assertThat(lines).containsExactly(
                "settings launch-at-login on ok: installed " + FakeSettings.Login.AGENT,
                "settings save ok: saved to " + FakeSettings.FILE,
                "settings launch-at-login off FAILED: launchctl refused");
    }

    private static LiveStack live(StackActions actions) {
        return new LiveStack() {
            @Override
            public StackActions actions() {
                return actions;
            }

            @Override
            public StackRecovery recovery() {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static StackListing listing(StackStore store) {
        return new StackListing() {
            @Override
            public StackSnapshot listNow() {
                return store.current();
            }

            @Override
            public String engineHost() {
                return "fake://";
            }
        };
    }
}
