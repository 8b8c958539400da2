package io.colimaservices.ui.setup;

import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.DockerEndpoint;
import io.colimaservices.domain.HealthStatus;
import io.colimaservices.domain.ImageEngine;
import io.colimaservices.domain.ImageReference;
import io.colimaservices.domain.LiveStack;
import io.colimaservices.domain.PullListener;
import io.colimaservices.domain.RegistryLogin;
import io.colimaservices.domain.SetupTools;
import io.colimaservices.domain.StackListing;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.Subscription;
import io.colimaservices.domain.UserError;
import io.colimaservices.domain.VaultPhase;
import io.colimaservices.domain.VmSpec;
import io.colimaservices.ui.colima.FakeVm;
import io.colimaservices.ui.common.Notice;
import io.colimaservices.ui.common.UiExecutors;
import io.colimaservices.ui.vault.FakeVaultOperations;
import io.colimaservices.usecase.ActionTrace;
import io.colimaservices.usecase.CaUseCase;
import io.colimaservices.usecase.PullUseCase;
import io.colimaservices.usecase.SetupState;
import io.colimaservices.usecase.SetupStep;
import io.colimaservices.usecase.SetupTier;
import io.colimaservices.usecase.SetupUseCase;
import io.colimaservices.usecase.StackUseCase;
import io.colimaservices.usecase.VaultUseCase;
import io.colimaservices.usecase.VmUseCase;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static io.colimaservices.domain.Fixtures.running;
import static io.colimaservices.domain.Fixtures.smallStack;
import static io.colimaservices.domain.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Setup page's model over the real {@link SetupUseCase} on fakes of its ports (no toolkit): a Mac whose Docker
 * host is the Colima socket, the fake Colima, a listing, the Vault fake. Every state comes from the fakes as they are
 * when the page asks; a run acts on what is not done, stops at a failure, and the "finished" flag the menu follows is
 * false while a required step is left.
 */
class SetupViewModelTest {
    private final Catalog catalog = smallStack();
    private final FakeVm colima = new FakeVm();
    private final FakeVaultOperations vault = new FakeVaultOperations();
    private final AtomicReference<StackSnapshot> listed = new AtomicReference<>(snapshot(catalog,
            running("vault", HealthStatus.HEALTHY), running("postgres", HealthStatus.HEALTHY),
            running("redis", HealthStatus.HEALTHY), running("forgejo", HealthStatus.HEALTHY),
            running("grafana", HealthStatus.HEALTHY)));
    private final List<String> confirmations = new ArrayList<>();
    private boolean confirm = true;

    SetupViewModel model() {
        colima.state.set(FakeVm.running("default"));
        VmUseCase vm = colima.useCase(new io.colimaservices.domain.VmChanges() {
            @Override
            public void whileChanging(io.colimaservices.domain.VmPhase during, Runnable work) {
                work.run();
            }

            @Override
            public void refresh() {
            }
        }, () -> VmSpec.defaults());
        StackListing listing = new StackListing() {
            @Override
            public StackSnapshot listNow() {
                return listed.get();
            }

            @Override
            public String engineHost() {
                return "unix://" + FakeVm.SOCKET;
            }
        };
        StackUseCase stack = new StackUseCase(() -> catalog, (LiveStack) null, listing, () -> null, ActionTrace.NONE);
        SetupTools tools = new SetupTools() {
            @Override
            public Optional<String> dockerCli() {
                return Optional.of("/opt/homebrew/bin/docker");
            }

            @Override
            public Optional<String> composeCli() {
                return Optional.of("Docker Compose version v2.29.1");
            }
        };
        SetupUseCase.Ports ports = new SetupUseCase.Ports(vm, stack, new VaultUseCase(() -> vault, ActionTrace.NONE),
                new PullUseCase(() -> catalog, policy -> {
                    throw new AssertionError("no pull expected");
                }, ActionTrace.NONE),
                new CaUseCase(() -> {
                    throw new UserError(UserError.Kind.VAULT, "the CA is not readable in this test");
                }, ActionTrace.NONE),
                listing, () -> tools, () -> () -> vault.appToken ? Optional.empty() : Optional.of("no app token"),
                PresentImages::new, () -> new SetupUseCase.Host(new DockerEndpoint("unix://" + FakeVm.SOCKET,
                "Colima profile socket"), Path.of(FakeVm.SOCKET), true), SetupTier.PROFILES, Duration.ofSeconds(5));
        return new SetupViewModel(new SetupUseCase(ports, ActionTrace.NONE), UiExecutors.direct(),
                UiExecutors.direct(), question -> {
                    confirmations.add(question);
                    return confirm;
                });
    }

    /** Every image the catalog names is present. */
    static final class PresentImages implements ImageEngine {
        @Override
        public String host() {
            return "unix://" + FakeVm.SOCKET;
        }

        @Override
        public boolean isPresent(ImageReference image) {
            return true;
        }

        @Override
        public Subscription pull(ImageReference image, Optional<RegistryLogin> login, PullListener listener) {
            throw new AssertionError("no pull expected");
        }

        @Override
        public void close() {
        }
    }

    private static Map<String, SetupState> states(SetupViewModel model) {
        return model.steps().stream().collect(Collectors.toMap(SetupStep::id, SetupStep::state));
    }

    @Test
    void aFreshVaultLeavesSetupOpenAndRunningEverythingFinishesItAfterTheConfirmation() {
        SetupViewModel model = model();
        model.refresh();

        assertThat(states(model)).containsEntry("colima", SetupState.DONE).containsEntry("vm", SetupState.DONE)
                .containsEntry("docker", SetupState.DONE).containsEntry("compose", SetupState.DONE)
                .containsEntry("images", SetupState.DONE).containsEntry("vault-init", SetupState.TODO)
                .containsEntry("vault-unseal", SetupState.BLOCKED).containsEntry("agent", SetupState.BLOCKED)
                .containsEntry("redis-cluster", SetupState.BLOCKED).containsEntry("tier", SetupState.BLOCKED);
        assertThat(model.finishedProperty().get()).isFalse();
        assertThat(model.summaryProperty().get()).isEqualTo("7 required steps left.");

        model.runAll();

        assertThat(confirmations).singleElement().asString().startsWith("Initialize Vault at " + vault.address());
        assertThat(vault.calls).containsSubsequence("init 5/3", "unseal-stored", "bootstrap");
        assertThat(states(model)).containsEntry("vault-init", SetupState.DONE)
                .containsEntry("vault-unseal", SetupState.DONE).containsEntry("vault-bootstrap", SetupState.DONE)
                .containsEntry("agent", SetupState.SKIPPED).containsEntry("redis-cluster", SetupState.SKIPPED)
                .containsEntry("forgejo-admin", SetupState.SKIPPED).containsEntry("ca", SetupState.FAILED)
                .containsEntry("tier", SetupState.DONE);
        assertThat(model.finishedProperty().get()).as("the optional CA step does not keep setup open").isTrue();
        assertThat(model.noticeProperty().get().tone()).isEqualTo(Notice.Tone.SUCCESS);
        assertThat(model.noticeProperty().get().detail()).isEqualTo("Done: vault-init, vault-unseal, vault-bootstrap");

        vault.calls.clear();
        model.runAll();
        assertThat(vault.calls).doesNotContain("bootstrap", "unseal-stored").noneMatch(c -> c.startsWith("init"));
        assertThat(model.noticeProperty().get().title()).isEqualTo("Nothing to do");
    }

    @Test
    void aDeclinedInitStopsTheRunThereWithTheFix() {
        confirm = false;
        SetupViewModel model = model();

        model.runAll();

        assertThat(vault.phase).isEqualTo(VaultPhase.UNINITIALIZED);
        assertThat(states(model)).containsEntry("vault-init", SetupState.FAILED)
                .containsEntry("vault-unseal", SetupState.BLOCKED);
        Notice notice = model.noticeProperty().get();
        assertThat(notice.tone()).isEqualTo(Notice.Tone.DANGER);
        assertThat(notice.title()).isEqualTo("Setup stopped at Vault initialized");
        assertThat(notice.detail()).contains("Vault initialization was not confirmed")
                .contains("fix: run setup again and answer yes");
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void aSealedVaultWithoutStoredSharesFailsTheUnsealStepAndOneStepsButtonRunsOnlyThatStep() {
        vault.phase = VaultPhase.SEALED;
        vault.threshold = 3;
        vault.shares = 5;
        SetupViewModel model = model();
        model.refresh();
        SetupStep unseal = model.steps().stream().filter(s -> s.id().equals("vault-unseal")).findFirst().orElseThrow();
        assertThat(unseal.state()).isEqualTo(SetupState.TODO);
        assertThat(model.canRun(unseal)).isTrue();

        model.runStep("vault-unseal");

        assertThat(states(model)).containsEntry("vault-unseal", SetupState.FAILED)
                .containsEntry("vault-bootstrap", SetupState.BLOCKED);
        assertThat(model.noticeProperty().get().detail()).contains("no unseal shares are stored")
                .contains("colima-services vault unseal --key-stdin");
        assertThat(vault.calls).doesNotContain("bootstrap");
        assertThat(model.finishedProperty().get()).isFalse();
    }

    @Test
    void aFailingVmStepShowsRunningThenFailed() {
        colima.state.set(FakeVm.stopped("default"));
        SetupViewModel model = model();
        colima.state.set(FakeVm.stopped("default"));
        List<SetupState> seen = new ArrayList<>();
        model.steps().addListener((javafx.collections.ListChangeListener<SetupStep>) c -> model.steps().stream()
                .filter(s -> s.id().equals("vm")).findFirst().ifPresent(s -> seen.add(s.state())));
        colima.failNext = new UserError(UserError.Kind.VM, "colima start failed: exit status 1", "colima-services vm doctor");

        model.runAll();

        assertThat(seen).contains(SetupState.RUNNING);
        assertThat(states(model)).containsEntry("vm", SetupState.FAILED).containsEntry("docker", SetupState.BLOCKED);
        assertThat(model.noticeProperty().get().detail()).contains("colima start failed")
                .contains("fix: colima-services vm doctor");
    }
}
