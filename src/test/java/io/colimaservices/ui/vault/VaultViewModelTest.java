package io.colimaservices.ui.vault;

import io.colimaservices.domain.VaultOperations.StoredKeys;
import io.colimaservices.domain.VaultPhase;
import io.colimaservices.domain.VaultState;
import io.colimaservices.ui.common.ManualExecutor;
import io.colimaservices.ui.common.Notice;
import io.colimaservices.ui.common.UiExecutors;
import io.colimaservices.ui.vault.VaultWizardViewModel.WizardStep;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Vault page's ViewModel without a toolkit: fake port, UI work at once, background work queued by hand. */
class VaultViewModelTest {
    private final ManualExecutor background = new ManualExecutor();
    private FakeVaultOperations fake = FakeVaultOperations.sealedWithStoredShares();
    private int refreshes;
    private VaultViewModel model;

    /** The page as the app runs it: refresh asks the watcher, whose state comes back through the store. */
    private VaultViewModel model(FakeVaultOperations operations) {
        fake = operations;
        model = new VaultViewModel(fake.useCase(), UiExecutors.direct(), background, () -> {
            refreshes++;
            model.showState(fake.state());
        });
        model.showState(fake.state());
        model.activate();
        background.runAll();
        return model;
    }

    @Test
    void headlineFollowsEveryPhase() {
        model(new FakeVaultOperations());
        assertThat(model.headlineProperty().get()).isEqualTo("Vault is not initialized");
        assertThat(model.toneProperty().get()).isEqualTo(Notice.Tone.WARNING);
        assertThat(model.wizard().wizardVisibleProperty().get()).isTrue();

        model.showState(VaultState.unknown("http://127.0.0.1:8200"));
        assertThat(model.headlineProperty().get()).isEqualTo("Checking Vault…");

        model.showState(VaultState.down("http://127.0.0.1:8200", "Connection refused"));
        assertThat(model.headlineProperty().get()).isEqualTo("Vault is down");
        assertThat(model.toneProperty().get()).isEqualTo(Notice.Tone.DANGER);
        assertThat(model.detailProperty().get()).contains("http://127.0.0.1:8200: Connection refused");
        assertThat(model.wizard().wizardVisibleProperty().get()).isFalse();

        fake.phase = VaultPhase.SEALED;
        fake.threshold = 3;
        fake.shares = 5;
        fake.progress = 2;
        model.showState(fake.state());
        assertThat(model.headlineProperty().get()).isEqualTo("Vault is sealed");
        assertThat(model.sealProgressProperty().get()).isEqualTo(2.0 / 3);
        assertThat(model.sealProgressTextProperty().get()).isEqualTo("2/3 shares submitted (5 exist)");
        assertThat(model.detailProperty().get()).isEqualTo("http://127.0.0.1:8200 · Vault 1.18.5");

        fake.phase = VaultPhase.UNSEALED;
        fake.standby = true;
        model.showState(fake.state());
        assertThat(model.headlineProperty().get()).isEqualTo("Vault is unsealed (standby)");
        assertThat(model.toneProperty().get()).isEqualTo(Notice.Tone.SUCCESS);
        assertThat(model.sealProgressTextProperty().get()).isEmpty();
    }

    @Test
    void activateAsksForAFreshStateAndReadsWhatIsStored() {
        model(FakeVaultOperations.sealedWithStoredShares());
        assertThat(refreshes).isEqualTo(1);
        assertThat(model.storedKeysProperty().get()).isEqualTo(new StoredKeys(5, true, false));
        assertThat(model.keysLineProperty().get()).isEqualTo("Stored in " + FakeVaultOperations.STORE
                + ": 5 unseal key shares and the root token.");
    }

    @Test
    void unsealWithStoredSharesShowsEachShareAndDisablesItselfWhileRunning() {
        model(FakeVaultOperations.sealedWithStoredShares());
        List<String> lines = new ArrayList<>();
        model.unsealing().unsealLineProperty().addListener((o, a, now) -> lines.add(now));
        assertThat(model.unsealing().canUnsealProperty().get()).isTrue();

        model.unsealing().unseal();
        assertThat(model.action().busyProperty().get()).isTrue();
        assertThat(model.unsealing().canUnsealProperty().get()).isFalse();
        assertThat(model.unsealing().canSubmitShareProperty().get()).isFalse();
        assertThat(model.action().activityProperty().get()).isEqualTo("Unsealing with the stored shares…");
        background.runAll();

        assertThat(lines).containsSubsequence("Submitted 1 share: 1/3.", "Submitted 2 shares: 2/3.",
                "Submitted 3 shares: unsealed.");
        assertThat(fake.submittedValid).containsExactly("share-1", "share-2", "share-3");
        assertThat(model.action().busyProperty().get()).isFalse();
        assertThat(model.headlineProperty().get()).isEqualTo("Vault is unsealed (active)");
        assertThat(model.action().noticeProperty().get()).isEqualTo(Notice.success("Vault is unsealed",
                "3 stored shares submitted."));
        assertThat(model.unsealing().canUnsealProperty().get()).isFalse();
        assertThat(model.bootstrapping().canBootstrapProperty().get()).isTrue();
    }

    @Test
    void unsealWithoutStoredSharesIsNotOffered() {
        FakeVaultOperations none = FakeVaultOperations.sealedWithStoredShares();
        none.storedShares = 0;
        model(none);
        assertThat(model.unsealing().canUnsealProperty().get()).isFalse();
        model.unsealing().unseal();
        assertThat(background.pending()).isZero();
        assertThat(fake.calls).doesNotContain("unseal-stored");
    }

    @Test
    void typedShareIsClearedAtOnceAndItsProgressShown() {
        model(FakeVaultOperations.sealedWithStoredShares());
        assertThat(model.unsealing().canSubmitShareProperty().get()).isFalse();
        model.unsealing().shareInputProperty().set("share-2");
        assertThat(model.unsealing().canSubmitShareProperty().get()).isTrue();

        model.unsealing().submitShare();
        assertThat(model.unsealing().shareInputProperty().get()).isEmpty();
        assertThat(model.action().busyProperty().get()).isTrue();
        background.runAll();

        assertThat(model.stateProperty().get().progress()).isEqualTo(1);
        assertThat(model.action().noticeProperty().get())
                .isEqualTo(Notice.info("Share accepted", "Progress 1/3: 2 more needed."));
        assertThat(model.sealProgressTextProperty().get()).isEqualTo("1/3 shares submitted (5 exist)");
    }

    @Test
    void wrongShareShowsVaultsErrorAndTheResetProgress() {
        FakeVaultOperations sealed = FakeVaultOperations.sealedWithStoredShares();
        sealed.progress = 2;
        model(sealed);
        assertThat(model.sealProgressTextProperty().get()).startsWith("2/3");
        String wrong = "not-a-share-" + "x".repeat(40);
        model.unsealing().shareInputProperty().set(wrong);

        model.unsealing().submitShare();
        assertThat(model.unsealing().shareInputProperty().get()).isEmpty();
        background.runAll();

        Notice notice = model.action().noticeProperty().get();
        assertThat(notice.tone()).isEqualTo(Notice.Tone.DANGER);
        assertThat(notice.title()).isEqualTo("The share was not accepted");
        assertThat(notice.detail()).contains("Vault refused the share", "progress reset to 0/3",
                "Hint: check the share").doesNotContain(wrong);
        assertThat(model.stateProperty().get().progress()).isZero();
        assertThat(model.sealProgressTextProperty().get()).startsWith("0/3");
        assertThat(model.action().busyProperty().get()).isFalse();
    }

    @Test
    void initWizardStepsFromChoiceToBootstrap() {
        model(new FakeVaultOperations());
        assertThat(model.wizard().sharesProperty().get()).isEqualTo(5);
        assertThat(model.wizard().thresholdProperty().get()).isEqualTo(3);
        assertThat(model.wizard().wizardStepProperty().get()).isEqualTo(WizardStep.CHOOSE);
        assertThat(model.wizard().canInitializeProperty().get()).isTrue();

        model.wizard().thresholdProperty().set(6);
        assertThat(model.wizard().canInitializeProperty().get()).isFalse();
        model.wizard().thresholdProperty().set(1);
        assertThat(model.wizard().canInitializeProperty().get()).as("threshold 1 of 5 shares").isFalse();
        model.wizard().thresholdProperty().set(3);

        model.wizard().initialize();
        assertThat(model.action().busyProperty().get()).isTrue();
        assertThat(model.wizard().canInitializeProperty().get()).isFalse();
        background.runAll();

        assertThat(fake.calls).contains("init 5/3");
        assertThat(model.wizard().wizardStepProperty().get()).isEqualTo(WizardStep.STORED);
        assertThat(model.wizard().wizardStoredProperty().get()).isEqualTo("5 unseal key shares (3 needed to unseal) and the "
                + "root token are stored in " + FakeVaultOperations.STORE + ".");
        assertThat(model.wizard().storeWarningProperty().get()).contains("weaker than a keychain");
        assertThat(model.headlineProperty().get()).isEqualTo("Vault is sealed");
        assertThat(model.wizard().wizardVisibleProperty().get()).as("the wizard stays until it is done").isTrue();
        assertThat(model.wizard().canExportProperty().get()).isTrue();

        Path backup = Path.of("/media/usb/vault-shares.txt");
        model.wizard().exportShares(backup);
        background.runAll();
        assertThat(fake.exported).containsExactly(backup);
        assertThat(model.action().noticeProperty().get().title()).isEqualTo("Exported 5 shares to " + backup);

        model.wizard().runWizardBootstrap();
        assertThat(model.wizard().wizardStepProperty().get()).isEqualTo(WizardStep.BOOTSTRAP);
        assertThat(model.wizard().canRunWizardBootstrapProperty().get()).isFalse();
        background.runAll();

        assertThat(model.bootstrapping().progressLines()).startsWith("unsealing with the stored shares", "share accepted: 1/3",
                "share accepted: 2/3", "unsealed", "enabled KV v2 at secret/");
        assertThat(model.bootstrapping().progressLines()).last().asString().startsWith("armed vault-agent");
        assertThat(model.wizard().wizardStepProperty().get()).isEqualTo(WizardStep.DONE);
        assertThat(model.action().noticeProperty().get().title()).isEqualTo("Bootstrap done");
        assertThat(model.action().noticeProperty().get().tone())
                .as("a success, though the app token is in the weaker store").isEqualTo(Notice.Tone.SUCCESS);
        assertThat(model.action().noticeProperty().get().detail()).as("the weaker store still said")
                .contains("No keychain answered");
        assertThat(model.storedKeysProperty().get().appToken()).isTrue();

        model.wizard().finishWizard();
        assertThat(model.wizard().wizardStepProperty().get()).isEqualTo(WizardStep.CHOOSE);
        assertThat(model.wizard().wizardVisibleProperty().get()).isFalse();
        assertThat(model.headlineProperty().get()).isEqualTo("Vault is unsealed (active)");
    }

    @Test
    void withAKeychainTheWizardGivesNoWarning() {
        FakeVaultOperations keychain = new FakeVaultOperations();
        keychain.weak = false;
        model(keychain);
        model.wizard().initialize();
        background.runAll();
        assertThat(model.wizard().storeWarningProperty().get()).isEmpty();
    }

    @Test
    void failedWizardBootstrapCanBeRetried() {
        FakeVaultOperations first = new FakeVaultOperations();
        first.failBootstrapAfter = 2;
        model(first);
        model.wizard().initialize();
        background.runAll();
        model.wizard().runWizardBootstrap();
        background.runAll();

        assertThat(model.wizard().wizardStepProperty().get()).isEqualTo(WizardStep.BOOTSTRAP);
        assertThat(model.action().noticeProperty().get().detail()).contains("answered 500", "Hint: look at Vault's log");
        assertThat(model.wizard().canRunWizardBootstrapProperty().get()).isTrue();

        fake.failBootstrapAfter = null;
        model.wizard().runWizardBootstrap();
        background.runAll();
        assertThat(model.wizard().wizardStepProperty().get()).isEqualTo(WizardStep.DONE);
    }

    @Test
    void bootstrapShowsItsLinesAndSaysWhenNothingChanged() {
        FakeVaultOperations unsealed = FakeVaultOperations.sealedWithStoredShares();
        unsealed.phase = VaultPhase.UNSEALED;
        unsealed.weak = false;
        model(unsealed);
        assertThat(model.bootstrapping().canBootstrapProperty().get()).isTrue();

        model.bootstrapping().bootstrap();
        assertThat(model.bootstrapping().canBootstrapProperty().get()).isFalse();
        background.runAll();
        assertThat(model.bootstrapping().progressLines()).hasSize(5).contains("wrote secret/postgresql");
        assertThat(model.action().noticeProperty().get()).isEqualTo(Notice.success("Bootstrap done", "9 secrets, CA chain at "
                + "/runtime/ca/ca-chain.pem, app token in " + FakeVaultOperations.STORE
                + ", vault-agent armed for 13 services."));

        model.bootstrapping().bootstrap();
        background.runAll();
        assertThat(model.bootstrapping().progressLines()).hasSize(1);
        assertThat(model.action().noticeProperty().get().title()).isEqualTo("Vault already had everything; nothing was changed");
    }

    @Test
    void bootstrapFailureShowsTheErrorAndHintAndKeepsTheLines() {
        FakeVaultOperations unsealed = FakeVaultOperations.sealedWithStoredShares();
        unsealed.phase = VaultPhase.UNSEALED;
        unsealed.failBootstrapAfter = 2;
        model(unsealed);

        model.bootstrapping().bootstrap();
        background.runAll();
        assertThat(model.bootstrapping().progressLines()).containsExactly("enabled KV v2 at secret/", "created PKI root CA at pki/");
        assertThat(model.action().noticeProperty().get()).isEqualTo(Notice.danger("Bootstrap failed",
                "Vault answered 500 on pki_int/intermediate/set-signed\nHint: look at Vault's log: docker compose logs "
                        + "vault"));
        assertThat(model.action().busyProperty().get()).isFalse();
        assertThat(model.bootstrapping().canBootstrapProperty().get()).isTrue();
    }

    @Test
    void bootstrapNeedsTheRootToken() {
        FakeVaultOperations noRoot = FakeVaultOperations.sealedWithStoredShares();
        noRoot.phase = VaultPhase.UNSEALED;
        noRoot.rootToken = false;
        model(noRoot);
        assertThat(model.bootstrapping().canBootstrapProperty().get()).isFalse();
    }

    @Test
    void importStoresTheKeysThenDeletesOrKeepsTheFiles() {
        FakeVaultOperations empty = FakeVaultOperations.sealedWithStoredShares();
        empty.storedShares = 0;
        empty.rootToken = false;
        model(empty);
        assertThat(model.imports().defaultImportDirectory()).isEqualTo(Path.of("/home/dev/.config/vault"));

        model.imports().importFrom(Path.of("/tmp/elsewhere"));
        background.runAll();
        assertThat(model.action().noticeProperty().get().tone()).isEqualTo(Notice.Tone.DANGER);
        assertThat(model.action().noticeProperty().get().detail()).contains("nothing to import", "Hint: choose the directory");
        assertThat(model.imports().importedFiles()).isEmpty();

        model.imports().importFrom(model.imports().defaultImportDirectory());
        background.runAll();
        assertThat(model.action().noticeProperty().get().title()).isEqualTo("Imported 5 unseal key shares and the root token");
        assertThat(model.action().noticeProperty().get().detail()).contains("Stored in " + FakeVaultOperations.STORE,
                "weaker than a keychain");
        assertThat(model.imports().importedFiles()).containsExactly(Path.of("/home/dev/.config/vault/keys.json"),
                Path.of("/home/dev/.config/vault/root-token"));
        assertThat(model.unsealing().canUnsealProperty().get()).as("the imported shares can unseal").isTrue();

        model.imports().deleteImportedFiles();
        background.runAll();
        assertThat(fake.deleted).hasSize(2);
        assertThat(model.imports().importedFiles()).isEmpty();
        assertThat(model.action().noticeProperty().get().title()).isEqualTo("Deleted the original files");

        model.imports().importFrom(model.imports().defaultImportDirectory());
        background.runAll();
        model.imports().keepImportedFiles();
        assertThat(fake.deleted).hasSize(2);
        assertThat(model.action().noticeProperty().get().tone()).isEqualTo(Notice.Tone.WARNING);
        assertThat(model.action().noticeProperty().get().detail()).contains("plain text");
    }

    @Test
    void downVaultOffersNothingThatNeedsIt() {
        FakeVaultOperations down = FakeVaultOperations.sealedWithStoredShares();
        down.phase = VaultPhase.DOWN;
        model(down);
        assertThat(model.unsealing().canUnsealProperty().get()).isFalse();
        assertThat(model.unsealing().canSubmitShareProperty().get()).isFalse();
        assertThat(model.bootstrapping().canBootstrapProperty().get()).isFalse();
        assertThat(model.wizard().canInitializeProperty().get()).isFalse();
        model.unsealing().unseal();
        model.bootstrapping().bootstrap();
        model.wizard().initialize();
        assertThat(background.pending()).isZero();
    }

    @Test
    void unexpectedFailureShowsItsTypeOnlyNeverItsMessage() {
        model(FakeVaultOperations.sealedWithStoredShares());
        fake.failNext = new IllegalStateException("hvs.secret-root-token-value");

        model.unsealing().unseal();
        background.runAll();
        Notice notice = model.action().noticeProperty().get();
        assertThat(notice.title()).isEqualTo("Unseal failed");
        assertThat(notice.detail()).isEqualTo("Unexpected IllegalStateException; the app log has the details.");
        assertThat(model.action().busyProperty().get()).isFalse();
    }

    @Test
    void aMessageAboutAStateGoesWhenVaultLeavesIt() {
        FakeVaultOperations unsealed = FakeVaultOperations.sealedWithStoredShares();
        unsealed.phase = VaultPhase.UNSEALED;
        unsealed.weak = false;
        model(unsealed);
        model.bootstrapping().bootstrap();
        background.runAll();
        assertThat(model.action().noticeProperty().get().title()).isEqualTo("Bootstrap done");

        model.showState(unsealed.state());
        assertThat(model.action().noticeProperty().get()).as("the same state again keeps it").isNotNull();

        unsealed.phase = VaultPhase.SEALED;
        model.showState(unsealed.state());

        assertThat(model.headlineProperty().get()).isEqualTo("Vault is sealed");
        assertThat(model.action().noticeProperty().get()).as("no 'bootstrapped... can start' under 'sealed'").isNull();
    }

    @Test
    void anUnsealFailureGoesOnceVaultIsUnsealedAnotherWay() {
        model(FakeVaultOperations.sealedWithStoredShares());
        fake.failNext = new io.colimaservices.domain.UserError(io.colimaservices.domain.UserError.Kind.VAULT,
                "a stored share was refused", "");
        model.unsealing().unseal();
        background.runAll();
        assertThat(model.action().noticeProperty().get().tone()).isEqualTo(Notice.Tone.DANGER);

        fake.phase = VaultPhase.UNSEALED;
        model.showState(fake.state());

        assertThat(model.action().noticeProperty().get()).isNull();
    }
}
