package io.colimaservices.cli;

import io.colimaservices.app.AppContext;
import io.colimaservices.app.StackServiceHooks;
import io.colimaservices.domain.RunKind;
import io.colimaservices.domain.StackProgress;
import io.colimaservices.domain.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stack's own steps around a start, against the Vault API double. */
class StackServiceHooksTest {

    @Test
    void aSealedVaultIsUnsealedWithTheStoredSharesOnceItRuns(@TempDir Path dir) throws Exception {
        try (VaultHarness harness = new VaultHarness(dir)) {
            VaultHarness.expectOk(harness.run("vault", "init"));
            assertThat(harness.vault.isSealed()).isTrue();
            List<StackProgress> progress = new ArrayList<>();

            try (AppContext context = harness.context()) {
                new StackServiceHooks(context::vaultActions).afterStart("vault", RunKind.USER, progress::add);
            }

            assertThat(harness.vault.isSealed()).isFalse();
            assertThat(progress).extracting(StackProgress::describe)
                    .containsExactly("vault: unsealed with the stored shares");
        }
    }

    @Test
    void aRecoveryUnsealsOnlyWhenTheSettingAllowsIt(@TempDir Path dir) throws Exception {
        try (VaultHarness harness = new VaultHarness(dir)) {
            VaultHarness.expectOk(harness.run("vault", "init"));
            try (AppContext context = harness.context()) {
                StackServiceHooks off = new StackServiceHooks(context::vaultActions, () -> false);

                assertThatThrownBy(() -> off.afterStart("vault", RunKind.RECOVERY, p -> { }))
                        .isInstanceOf(UserError.class)
                        .hasMessage("Vault is sealed and unsealing automatically is off");
                assertThat(harness.vault.isSealed()).isTrue();

                // The user's own start unseals whatever the setting: it was asked for.
                assertThat(off.afterStart("vault", RunKind.USER, p -> { })).isTrue();
                assertThat(harness.vault.isSealed()).isFalse();
                harness.vault.seal();

                assertThat(new StackServiceHooks(context::vaultActions, () -> true)
                        .afterStart("vault", RunKind.RECOVERY, p -> { })).isTrue();
                assertThat(harness.vault.isSealed()).isFalse();
            }
        }
    }

    @Test
    void anUninitializedVaultStopsTheStartWithTheNextStep(@TempDir Path dir) throws Exception {
        try (VaultHarness harness = new VaultHarness(dir); AppContext context = harness.context()) {
            StackServiceHooks hooks = new StackServiceHooks(context::vaultActions);

            assertThatThrownBy(() -> hooks.afterStart("vault", RunKind.USER, p -> { }))
                    .isInstanceOf(UserError.class).hasMessage("Vault is not initialized");
        }
    }

    @Test
    void theAgentIsArmedBeforeItStarts(@TempDir Path dir) throws Exception {
        try (VaultHarness harness = new VaultHarness(dir)) {
            harness.bootstrapped();
            List<StackProgress> progress = new ArrayList<>();

            try (AppContext context = harness.context()) {
                new StackServiceHooks(context::vaultActions).beforeStart("vault-agent", progress::add);
                new StackServiceHooks(context::vaultActions).beforeStart("postgres", progress::add);
            }

            assertThat(progress).extracting(StackProgress::describe).singleElement().asString()
                    .startsWith("vault-agent: armed for ");
            assertThat(harness.runtime().resolve("vault-agent/postgres/secret_id")).exists();
        }
    }
}
