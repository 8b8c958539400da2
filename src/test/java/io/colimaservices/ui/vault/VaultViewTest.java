package io.colimaservices.ui.vault;

import atlantafx.base.theme.PrimerLight;
import io.colimaservices.domain.Fixtures;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.StackStore;
import io.colimaservices.domain.VaultPhase;
import io.colimaservices.testing.FxSettle;
import io.colimaservices.ui.common.FileChoices;
import io.colimaservices.ui.common.ManualExecutor;
import io.colimaservices.ui.common.UiExecutors;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationTest;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The Vault page headless (Monocle), clicked through against a fake Vault; background work released by hand. */
class VaultViewTest extends ApplicationTest {
    private final ManualExecutor background = new ManualExecutor();
    private FakeVaultOperations fake;
    private StackStore store;
    private VaultSection section;
    private Stage stage;
    private final Path exportFile = Path.of("/media/usb/shares.txt");

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    /** Shows the page for a fake in the given state. */
    private void open(FakeVaultOperations operations) {
        fake = operations;
        store = new StackStore(StackSnapshot.initial("colima-services", Fixtures.smallStack(), Optional.empty(),
                "unix:///var/run/docker.sock", FakeVaultOperations.ADDRESS, "default").withVault(fake.state()));
        FileChoices files = new FileChoices() {
            @Override
            public Optional<Path> directory(Window owner, String title, Path initial) {
                return Optional.of(initial);
            }

            @Override
            public Optional<Path> newFile(Window owner, String title, String suggestedName) {
                return Optional.of(exportFile);
            }
        };
        section = new VaultSection(fake.useCase(), store, () -> store.update(s -> s.withVault(fake.state())), UiExecutors.fx(),
                background, files);
        interact(() -> {
            stage.setScene(new Scene((javafx.scene.Parent) section.build(), 1000, 760));
            stage.show();
            section.shown();
        });
        settle();
    }

    @AfterEach
    void hide() {
        if (section != null) {
            interact(section::hidden);
        }
    }

    /** Runs the queued background work, and what its results queue in turn, until the page is still. */
    private void settle() {
        FxSettle.settle();
        for (int round = 0; round < 10 && background.pending() > 0; round++) {
            background.runAll();
            FxSettle.settle();
        }
    }

    private <T extends Node> T find(String id, Class<T> type) {
        FxRobot robot = this;
        return robot.lookup(id).queryAs(type);
    }

    private String text(String id) {
        return find(id, Label.class).getText();
    }

    private boolean shown(String id) {
        Node node = find(id, Node.class);
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void unsealWithStoredSharesShowsProgressThenTheUnsealedState() {
        open(FakeVaultOperations.sealedWithStoredShares());
        assertThat(text("#vault-headline")).isEqualTo("Vault is sealed");
        assertThat(text("#seal-progress-text")).isEqualTo("0/3 shares submitted (5 exist)");
        Button unseal = find("#unseal-button", Button.class);
        assertThat(unseal.isDisabled()).isFalse();

        clickOn("#unseal-button");
        FxSettle.settle();
        assertThat(unseal.isDisabled()).as("disabled while it runs").isTrue();
        assertThat(find("#share-submit", Button.class).isDisabled()).isTrue();
        assertThat(text("#vault-activity")).isEqualTo("Unsealing with the stored shares…");
        assertThat(shown("#vault-activity")).isTrue();

        settle();
        assertThat(text("#unseal-line")).isEqualTo("Submitted 3 shares: unsealed.");
        assertThat(text("#vault-headline")).isEqualTo("Vault is unsealed (active)");
        assertThat(text("#notice-title")).isEqualTo("Vault is unsealed");
        assertThat(shown("#unseal-card")).isFalse();
        assertThat(shown("#bootstrap-card")).isTrue();
        assertThat(shown("#vault-activity")).isFalse();
    }

    @Test
    void typedShareIsMaskedClearedAndAWrongOneShowsTheReset() {
        open(FakeVaultOperations.sealedWithStoredShares());
        PasswordField field = find("#share-field", PasswordField.class);
        assertThat(find("#share-submit", Button.class).isDisabled()).isTrue();

        clickOn("#share-field").write("share-1");
        assertThat(field.getText()).isEqualTo("share-1");
        assertThat(find("#share-submit", Button.class).isDisabled()).isFalse();
        clickOn("#share-submit");
        FxSettle.settle();
        assertThat(field.getText()).as("cleared at once").isEmpty();
        settle();
        assertThat(text("#seal-progress-text")).isEqualTo("1/3 shares submitted (5 exist)");
        assertThat(text("#notice-title")).isEqualTo("Share accepted");

        clickOn("#share-field").write("share-2").type(KeyCode.ENTER);
        settle();
        assertThat(text("#seal-progress-text")).startsWith("2/3");

        clickOn("#share-field").write("wrong-share").type(KeyCode.ENTER);
        settle();
        assertThat(field.getText()).isEmpty();
        assertThat(text("#notice-title")).isEqualTo("The share was not accepted");
        assertThat(text("#notice-detail")).contains("progress reset to 0/3").doesNotContain("wrong-share");
        assertThat(text("#seal-progress-text")).isEqualTo("0/3 shares submitted (5 exist)");
    }

    @Test
    void firstRunWizardInitializesExportsAndBootstraps() {
        open(new FakeVaultOperations());
        assertThat(text("#vault-headline")).isEqualTo("Vault is not initialized");
        assertThat(shown("#wizard")).isTrue();
        assertThat(shown("#unseal-card")).isFalse();

        clickOn("#init-button");
        settle();
        assertThat(fake.calls).contains("init 5/3");
        assertThat(text("#wizard-stored")).contains("5 unseal key shares (3 needed to unseal)",
                FakeVaultOperations.STORE);
        assertThat(shown("#store-warning")).isTrue();
        assertThat(shown("#unseal-card")).as("the wizard unseals by itself").isFalse();

        clickOn("#wizard-export");
        settle();
        assertThat(fake.exported).containsExactly(exportFile);
        assertThat(text("#notice-title")).isEqualTo("Exported 5 shares to " + exportFile);

        clickOn("#wizard-bootstrap");
        settle();
        @SuppressWarnings("unchecked")
        ListView<String> lines = find("#progress-lines", ListView.class);
        assertThat(lines.getItems()).contains("share accepted: 1/3", "unsealed", "wrote secret/postgresql");
        assertThat(text("#notice-title")).isEqualTo("Bootstrap done");
        assertThat(text("#vault-headline")).isEqualTo("Vault is unsealed (active)");

        clickOn("#wizard-done");
        FxSettle.settle();
        assertThat(shown("#wizard")).isFalse();
        assertThat(shown("#bootstrap-card")).isTrue();
    }

    @Test
    void bootstrapFailureShowsTheMessageAndHint() {
        FakeVaultOperations unsealed = FakeVaultOperations.sealedWithStoredShares();
        unsealed.phase = VaultPhase.UNSEALED;
        unsealed.failBootstrapAfter = 1;
        open(unsealed);

        clickOn("#bootstrap-button");
        FxSettle.settle();
        assertThat(find("#bootstrap-button", Button.class).isDisabled()).isTrue();
        settle();
        assertThat(text("#notice-title")).isEqualTo("Bootstrap failed");
        assertThat(text("#notice-detail")).isEqualTo("Vault answered 500 on pki_int/intermediate/set-signed\n"
                + "Hint: look at Vault's log: docker compose logs vault");
        assertThat(find("#bootstrap-button", Button.class).isDisabled()).isFalse();
    }

    @Test
    void importThenDeleteTheOriginalFiles() {
        FakeVaultOperations empty = FakeVaultOperations.sealedWithStoredShares();
        empty.storedShares = 0;
        empty.rootToken = false;
        open(empty);
        assertThat(find("#unseal-button", Button.class).isDisabled()).isTrue();

        clickOn("#import-button");
        settle();
        assertThat(text("#notice-title")).isEqualTo("Imported 5 unseal key shares and the root token");
        assertThat(shown("#import-offer")).isTrue();
        assertThat(find("#unseal-button", Button.class).isDisabled()).isFalse();

        clickOn("#delete-imported");
        settle();
        assertThat(fake.deleted).containsExactly(Path.of("/home/dev/.config/vault/keys.json"),
                Path.of("/home/dev/.config/vault/root-token"));
        assertThat(shown("#import-offer")).isFalse();
    }

    @Test
    void followsTheStoresVaultState() {
        open(FakeVaultOperations.sealedWithStoredShares());
        fake.phase = VaultPhase.DOWN;
        store.update(s -> s.withVault(fake.state()));
        FxSettle.settle();
        assertThat(text("#vault-headline")).isEqualTo("Vault is down");
        assertThat(shown("#unseal-card")).isFalse();
        assertThat(find("#import-button", Button.class).isDisabled()).isFalse();
    }
}
