package io.colimaservices.ui.vault;

import io.colimaservices.domain.VaultOperations.StoredKeys;
import io.colimaservices.domain.VaultPhase;
import io.colimaservices.domain.VaultState;
import io.colimaservices.ui.common.ManualExecutor;
import io.colimaservices.ui.common.Notice;
import io.colimaservices.ui.common.UiExecutors;
import io.colimaservices.ui.vault.VaultViewModel.WizardStep;
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
        model = new VaultViewModel(fake, UiExecutors.direct(), background, () -> {
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
        assertThat(model.wizardVisibleProperty().get()).isTrue();

        model.showState(VaultState.unknown("http://127.0.0.1:8200"));
        assertThat(model.headlineProperty().get()).isEqualTo("Checking Vault…");

        model.showState(VaultState.down("http://127.0.0.1:8200", "Connection refused"));
        assertThat(model.headlineProperty().get()).isEqualTo("Vault is down");
        assertThat(model.toneProperty().get()).isEqualTo(Notice.Tone.DANGER);
        assertThat(model.detailProperty().get()).contains("http://127.0.0.1:8200: Connection refused");
        assertThat(model.wizardVisibleProperty().get()).isFalse();

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
        model.unsealLineProperty().addListener((o, a, now) -> lines.add(now));
        assertThat(model.canUnsealProperty().get()).isTrue();

        model.unseal();
        assertThat(model.busyProperty().get()).isTrue();
        assertThat(model.canUnsealProperty().get()).isFalse();
        assertThat(model.canSubmitShareProperty().get()).isFalse();
        assertThat(model.activityProperty().get()).isEqualTo("Unsealing with the stored shares…");
        background.runAll();

        assertThat(lines).containsSubsequence("Submitted 1 share: 1/3.", "Submitted 2 shares: 2/3.",
                "Submitted 3 shares: unsealed.");
        assertThat(fake.submittedValid).containsExactly("share-1", "share-2", "share-3");
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.headlineProperty().get()).isEqualTo("Vault is unsealed (active)");
        assertThat(model.noticeProperty().get()).isEqualTo(Notice.success("Vault is unsealed",
                "3 stored shares submitted."));
        assertThat(model.canUnsealProperty().get()).isFalse();
        assertThat(model.canBootstrapProperty().get()).isTrue();
    }

    @Test
    void unsealWithoutStoredSharesIsNotOffered() {
        FakeVaultOperations none = FakeVaultOperations.sealedWithStoredShares();
        none.storedShares = 0;
        model(none);
        assertThat(model.canUnsealProperty().get()).isFalse();
        model.unseal();
        assertThat(background.pending()).isZero();
        assertThat(fake.calls).doesNotContain("unseal-stored");
    }

    @Test
    void typedShareIsClearedAtOnceAndItsProgressShown() {
        model(FakeVaultOperations.sealedWithStoredShares());
        assertThat(model.canSubmitShareProperty().get()).isFalse();
        model.shareInputProperty().set("share-2");
        assertThat(model.canSubmitShareProperty().get()).isTrue();

        model.submitShare();
        assertThat(model.shareInputProperty().get()).isEmpty();
        assertThat(model.busyProperty().get()).isTrue();
        background.runAll();

        assertThat(model.stateProperty().get().progress()).isEqualTo(1);
        assertThat(model.noticeProperty().get())
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
        model.shareInputProperty().set(wrong);

        model.submitShare();
        assertThat(model.shareInputProperty().get()).isEmpty();
        background.runAll();

        Notice notice = model.noticeProperty().get();
        assertThat(notice.tone()).isEqualTo(Notice.Tone.DANGER);
        assertThat(notice.title()).isEqualTo("The share was not accepted");
        assertThat(notice.detail()).contains("Vault refused the share", "progress reset to 0/3",
                "Hint: check the share").doesNotContain(wrong);
        assertThat(model.stateProperty().get().progress()).isZero();
        assertThat(model.sealProgressTextProperty().get()).startsWith("0/3");
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void initWizardStepsFromChoiceToBootstrap() {
        model(new FakeVaultOperations());
        assertThat(model.sharesProperty().get()).isEqualTo(5);
        assertThat(model.thresholdProperty().get()).isEqualTo(3);
        assertThat(model.wizardStepProperty().get()).isEqualTo(WizardStep.CHOOSE);
        assertThat(model.canInitializeProperty().get()).isTrue();

        model.thresholdProperty().set(6);
        assertThat(model.canInitializeProperty().get()).isFalse();
        model.thresholdProperty().set(1);
        assertThat(model.canInitializeProperty().get()).as("threshold 1 of 5 shares").isFalse();
        model.thresholdProperty().set(3);

        model.initialize();
        assertThat(model.busyProperty().get()).isTrue();
        assertThat(model.canInitializeProperty().get()).isFalse();
        background.runAll();

        assertThat(fake.calls).contains("init 5/3");
        assertThat(model.wizardStepProperty().get()).isEqualTo(WizardStep.STORED);
        assertThat(model.wizardStoredProperty().get()).isEqualTo("5 unseal key shares (3 needed to unseal) and the "
                + "root token are stored in " + FakeVaultOperations.STORE + ".");
        assertThat(model.storeWarningProperty().get()).contains("weaker than a keychain");
        assertThat(model.headlineProperty().get()).isEqualTo("Vault is sealed");
        assertThat(model.wizardVisibleProperty().get()).as("the wizard stays until it is done").isTrue();
        assertThat(model.canExportProperty().get()).isTrue();

        Path backup = Path.of("/media/usb/vault-shares.txt");
        model.exportShares(backup);
        background.runAll();
        assertThat(fake.exported).containsExactly(backup);
        assertThat(model.noticeProperty().get().title()).isEqualTo("Exported 5 shares to " + backup);

        model.runWizardBootstrap();
        assertThat(model.wizardStepProperty().get()).isEqualTo(WizardStep.BOOTSTRAP);
        assertThat(model.canRunWizardBootstrapProperty().get()).isFalse();
        background.runAll();

        assertThat(model.progressLines()).startsWith("unsealing with the stored shares", "share accepted: 1/3",
                "share accepted: 2/3", "unsealed", "enabled KV v2 at secret/");
        assertThat(model.progressLines()).last().asString().startsWith("armed vault-agent");
        assertThat(model.wizardStepProperty().get()).isEqualTo(WizardStep.DONE);
        assertThat(model.noticeProperty().get().title()).isEqualTo("Bootstrap done");
        assertThat(model.noticeProperty().get().tone()).as("a success, though the app token is in the weaker store")
                .isEqualTo(Notice.Tone.SUCCESS);
        assertThat(model.noticeProperty().get().detail()).as("the weaker store still said").contains("No keychain answered");
        assertThat(model.storedKeysProperty().get().appToken()).isTrue();

        model.finishWizard();
        assertThat(model.wizardStepProperty().get()).isEqualTo(WizardStep.CHOOSE);
        assertThat(model.wizardVisibleProperty().get()).isFalse();
        assertThat(model.headlineProperty().get()).isEqualTo("Vault is unsealed (active)");
    }

    @Test
    void withAKeychainTheWizardGivesNoWarning() {
        FakeVaultOperations keychain = new FakeVaultOperations();
        keychain.weak = false;
        model(keychain);
        model.initialize();
        background.runAll();
        assertThat(model.storeWarningProperty().get()).isEmpty();
    }

    @Test
    void failedWizardBootstrapCanBeRetried() {
        FakeVaultOperations first = new FakeVaultOperations();
        first.failBootstrapAfter = 2;
        model(first);
        model.initialize();
        background.runAll();
        model.runWizardBootstrap();
        background.runAll();

        assertThat(model.wizardStepProperty().get()).isEqualTo(WizardStep.BOOTSTRAP);
        assertThat(model.noticeProperty().get().detail()).contains("answered 500", "Hint: look at Vault's log");
        assertThat(model.canRunWizardBootstrapProperty().get()).isTrue();

        fake.failBootstrapAfter = null;
        model.runWizardBootstrap();
        background.runAll();
        assertThat(model.wizardStepProperty().get()).isEqualTo(WizardStep.DONE);
    }

    @Test
    void bootstrapShowsItsLinesAndSaysWhenNothingChanged() {
        FakeVaultOperations unsealed = FakeVaultOperations.sealedWithStoredShares();
        unsealed.phase = VaultPhase.UNSEALED;
        unsealed.weak = false;
        model(unsealed);
        assertThat(model.canBootstrapProperty().get()).isTrue();

        model.bootstrap();
        assertThat(model.canBootstrapProperty().get()).isFalse();
        background.runAll();
        assertThat(model.progressLines()).hasSize(5).contains("wrote secret/postgresql");
        assertThat(model.noticeProperty().get()).isEqualTo(Notice.success("Bootstrap done", "9 secrets, CA chain at "
                + "/runtime/ca/ca-chain.pem, app token in " + FakeVaultOperations.STORE
                + ", vault-agent armed for 13 services."));

        model.bootstrap();
        background.runAll();
        assertThat(model.progressLines()).hasSize(1);
        assertThat(model.noticeProperty().get().title()).isEqualTo("Vault already had everything; nothing was changed");
    }

    @Test
    void bootstrapFailureShowsTheErrorAndHintAndKeepsTheLines() {
        FakeVaultOperations unsealed = FakeVaultOperations.sealedWithStoredShares();
        unsealed.phase = VaultPhase.UNSEALED;
        unsealed.failBootstrapAfter = 2;
        model(unsealed);

        model.bootstrap();
        background.runAll();
        assertThat(model.progressLines()).containsExactly("enabled KV v2 at secret/", "created PKI root CA at pki/");
        assertThat(model.noticeProperty().get()).isEqualTo(Notice.danger("Bootstrap failed",
                "Vault answered 500 on pki_int/intermediate/set-signed\nHint: look at Vault's log: docker compose logs "
                        + "vault"));
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.canBootstrapProperty().get()).isTrue();
    }

    @Test
    void bootstrapNeedsTheRootToken() {
        FakeVaultOperations noRoot = FakeVaultOperations.sealedWithStoredShares();
        noRoot.phase = VaultPhase.UNSEALED;
        noRoot.rootToken = false;
        model(noRoot);
        assertThat(model.canBootstrapProperty().get()).isFalse();
    }

    @Test
    void importStoresTheKeysThenDeletesOrKeepsTheFiles() {
        FakeVaultOperations empty = FakeVaultOperations.sealedWithStoredShares();
        empty.storedShares = 0;
        empty.rootToken = false;
        model(empty);
        assertThat(model.defaultImportDirectory()).isEqualTo(Path.of("/home/dev/.config/vault"));

        model.importFrom(Path.of("/tmp/elsewhere"));
        background.runAll();
        assertThat(model.noticeProperty().get().tone()).isEqualTo(Notice.Tone.DANGER);
        assertThat(model.noticeProperty().get().detail()).contains("nothing to import", "Hint: choose the directory");
        assertThat(model.importedFiles()).isEmpty();

        model.importFrom(model.defaultImportDirectory());
        background.runAll();
        assertThat(model.noticeProperty().get().title()).isEqualTo("Imported 5 unseal key shares and the root token");
        assertThat(model.noticeProperty().get().detail()).contains("Stored in " + FakeVaultOperations.STORE,
                "weaker than a keychain");
        assertThat(model.importedFiles()).containsExactly(Path.of("/home/dev/.config/vault/keys.json"),
                Path.of("/home/dev/.config/vault/root-token"));
        assertThat(model.canUnsealProperty().get()).as("the imported shares can unseal").isTrue();

        model.deleteImportedFiles();
        background.runAll();
        assertThat(fake.deleted).hasSize(2);
        assertThat(model.importedFiles()).isEmpty();
        assertThat(model.noticeProperty().get().title()).isEqualTo("Deleted the original files");

        model.importFrom(model.defaultImportDirectory());
        background.runAll();
        model.keepImportedFiles();
        assertThat(fake.deleted).hasSize(2);
        assertThat(model.noticeProperty().get().tone()).isEqualTo(Notice.Tone.WARNING);
        assertThat(model.noticeProperty().get().detail()).contains("plain text");
    }

    @Test
    void downVaultOffersNothingThatNeedsIt() {
        FakeVaultOperations down = FakeVaultOperations.sealedWithStoredShares();
        down.phase = VaultPhase.DOWN;
        model(down);
        assertThat(model.canUnsealProperty().get()).isFalse();
        assertThat(model.canSubmitShareProperty().get()).isFalse();
        assertThat(model.canBootstrapProperty().get()).isFalse();
        assertThat(model.canInitializeProperty().get()).isFalse();
        model.unseal();
        model.bootstrap();
        model.initialize();
        assertThat(background.pending()).isZero();
    }

    @Test
    void unexpectedFailureShowsItsTypeOnlyNeverItsMessage() {
        model(FakeVaultOperations.sealedWithStoredShares());
        fake.failNext = new IllegalStateException("hvs.secret-root-token-value");

        model.unseal();
        background.runAll();
        Notice notice = model.noticeProperty().get();
        assertThat(notice.title()).isEqualTo("Unseal failed");
        assertThat(notice.detail()).isEqualTo("Unexpected IllegalStateException; the app log has the details.");
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void aMessageAboutAStateGoesWhenVaultLeavesIt() {
        FakeVaultOperations unsealed = FakeVaultOperations.sealedWithStoredShares();
        unsealed.phase = VaultPhase.UNSEALED;
        unsealed.weak = false;
        model(unsealed);
        model.bootstrap();
        background.runAll();
        assertThat(model.noticeProperty().get().title()).isEqualTo("Bootstrap done");

        model.showState(unsealed.state());
        assertThat(model.noticeProperty().get()).as("the same state again keeps it").isNotNull();

        unsealed.phase = VaultPhase.SEALED;
        model.showState(unsealed.state());

        assertThat(model.headlineProperty().get()).isEqualTo("Vault is sealed");
        assertThat(model.noticeProperty().get()).as("no 'bootstrapped... can start' under 'sealed'").isNull();
    }

    @Test
    void anUnsealFailureGoesOnceVaultIsUnsealedAnotherWay() {
        model(FakeVaultOperations.sealedWithStoredShares());
        fake.failNext = new io.colimaservices.domain.UserError(io.colimaservices.domain.UserError.Kind.VAULT,
                "a stored share was refused", "");
        model.unseal();
        background.runAll();
        assertThat(model.noticeProperty().get().tone()).isEqualTo(Notice.Tone.DANGER);

        fake.phase = VaultPhase.UNSEALED;
        model.showState(fake.state());

        assertThat(model.noticeProperty().get()).isNull();
    }
}
