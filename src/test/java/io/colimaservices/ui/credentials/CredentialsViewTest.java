package io.colimaservices.ui.credentials;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.PrimerLight;
import io.colimaservices.domain.CredentialService;
import io.colimaservices.domain.Fixtures;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.StackStore;
import io.colimaservices.domain.VaultPhase;
import io.colimaservices.domain.VaultState;
import io.colimaservices.testing.FxSettle;
import io.colimaservices.ui.common.ClipboardKeeper;
import io.colimaservices.ui.common.HandClock;
import io.colimaservices.ui.common.ManualExecutor;
import io.colimaservices.ui.common.MemoryClipboard;
import io.colimaservices.ui.common.UiExecutors;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationTest;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The Credentials page headless (Monocle): select a service, copy, count down, switch TLS; sealed Vault. */
class CredentialsViewTest extends ApplicationTest {
    private final ManualExecutor background = new ManualExecutor();
    private final FakeCredentialService fake = new FakeCredentialService();
    private final MemoryClipboard clipboard = new MemoryClipboard();
    private final HandClock clock = new HandClock();
    private final ClipboardKeeper keeper = new ClipboardKeeper(clipboard, clock);
    private StackStore store;
    private CredentialsSection section;
    private Stage stage;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    private static VaultState vault(VaultPhase phase) {
        return new VaultState("http://127.0.0.1:8200", phase, 0, 3, 5, Optional.of("1.18.5"), false,
                Optional.empty());
    }

    private void open(VaultPhase phase) {
        store = new StackStore(StackSnapshot.initial("colima-services", Fixtures.smallStack(), Optional.empty(),
                "unix:///var/run/docker.sock", "http://127.0.0.1:8200", "default").withVault(vault(phase)));
        section = new CredentialsSection(fake, store, keeper, () -> Duration.ofSeconds(30), UiExecutors.fx(),
                background);
        interact(() -> {
            stage.setScene(new Scene((Parent) section.build(), 1000, 760));
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
        for (Node n = find(id, Node.class); n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void selectAServiceCopyItsPasswordAndWatchTheCountdown() {
        open(VaultPhase.UNSEALED);
        assertThat(text("#credential-title")).isEqualTo("postgres");
        Label selectedName = (Label) ((javafx.scene.layout.VBox) find("#service-postgres",
                javafx.scene.control.ListCell.class).getGraphic()).getChildren().getFirst();
        assertThat(selectedName.getText()).isEqualTo("postgres");
        assertThat(selectedName.isVisible()).isTrue();

        clickOn("#service-redis-1");
        settle();
        assertThat(text("#credential-title")).isEqualTo("redis-1");
        assertThat(text("#field-value-password")).isEqualTo(CredentialService.MASK);
        assertThat(text("#connection-string")).isEqualTo("rediss://:" + CredentialService.MASK + "@localhost:6390");

        clickOn("#copy-field-password");
        settle();
        assertThat(clipboard.text()).isEqualTo(FakeCredentialService.REDIS_PASSWORD);
        assertThat(text("#copy-status")).isEqualTo("Copied the password of redis-1: clears in 30 s");

        clock.advance(Duration.ofSeconds(12));
        interact(keeper::check);
        assertThat(text("#copy-status")).isEqualTo("Copied the password of redis-1: clears in 18 s");
        clock.advance(Duration.ofSeconds(18));
        interact(keeper::check);
        assertThat(clipboard.text()).isEmpty();
        assertThat(text("#copy-status")).startsWith("Cleared the clipboard");
        for (Label label : robot().lookup(".label").queryAllAs(Label.class)) {
            assertThat(label.getText()).doesNotContain(FakeCredentialService.REDIS_PASSWORD);
        }
    }

    private FxRobot robot() {
        return this;
    }

    @Test
    void formatPillsChangeTheStringAndCopyCopiesTheRealOne() {
        open(VaultPhase.UNSEALED);
        clickOn("#format-jdbc");
        settle();
        assertThat(find("#format-jdbc", ToggleButton.class).isSelected()).isTrue();
        assertThat(text("#connection-string")).contains("password=" + CredentialService.MASK);

        clickOn("#format-jdbc");
        FxSettle.settle();
        assertThat(find("#format-jdbc", ToggleButton.class).isSelected()).as("a pressed pill stays pressed").isTrue();

        clickOn("#copy-connection");
        settle();
        assertThat(clipboard.text()).contains("password=" + FakeCredentialService.PG_PASSWORD);
        assertThat(text("#connection-string")).doesNotContain(FakeCredentialService.PG_PASSWORD);
    }

    @Test
    void tlsSwitchRunsWithProgressAndExpiryStyling() {
        open(VaultPhase.UNSEALED);
        ToggleSwitch tls = find("#tls-switch", ToggleSwitch.class);
        assertThat(tls.isSelected()).isTrue();
        assertThat(find("#certificate-expiry", Label.class).getStyleClass()).contains("success");

        clickOn("#tls-switch");
        FxSettle.settle();
        assertThat(tls.isDisabled()).as("disabled while it runs").isTrue();
        assertThat(find("#credential-services", ListView.class).isDisabled()).isTrue();
        assertThat(shown("#tls-activity")).isTrue();
        assertThat(text("#tls-activity")).startsWith("Turning TLS off for postgres");

        settle();
        assertThat(tls.isSelected()).isFalse();
        assertThat(tls.isDisabled()).isFalse();
        assertThat(fake.calls).contains("tls postgres false");
        assertThat(text("#notice-title")).isEqualTo("TLS is off for postgres");
        assertThat(text("#connection-string")).doesNotContain("sslmode");
        @SuppressWarnings("unchecked")
        ListView<String> lines = find("#tls-lines", ListView.class);
        assertThat(lines.getItems()).contains("restarting postgres and waiting until it is healthy");

        clickOn("#service-redis-1");
        settle();
        assertThat(find("#certificate-expiry", Label.class).getStyleClass()).contains("warning");
        assertThat(text("#certificate-expiry")).isEqualTo("Certificate expires in 20 days (renew soon).");
    }

    @Test
    void aResultBannerDoesNotMoveTheTlsSwitchUnderThePointer() {
        // A switch that fails before any change: the banner is the only thing on the page that changes.
        fake.failTlsBeforeChange = true;
        open(VaultPhase.UNSEALED);
        Node tls = find("#tls-switch", ToggleSwitch.class);
        javafx.geometry.Bounds before = FxSettle.boundsInScene(tls);
        assertThat(shown("#notice")).isFalse();

        clickOn("#tls-switch");
        settle();
        assertThat(shown("#notice")).as("the result is shown").isTrue();
        assertThat(text("#notice-title")).isEqualTo("Switching TLS off for postgres failed");
        Node notice = find("#notice", Node.class);
        assertThat(FxSettle.onFx(() -> notice.getLayoutBounds().getHeight()))
                .as("the result is laid out at its full height")
                .isGreaterThanOrEqualTo(FxSettle.onFx(() -> notice.prefHeight(notice.getLayoutBounds().getWidth())));
        assertThat(FxSettle.boundsInScene(tls)).as("the switch stays where it was").isEqualTo(before);

        clickOn("#notice-close");
        FxSettle.settle();
        assertThat(shown("#notice")).isFalse();
        assertThat(FxSettle.boundsInScene(tls)).isEqualTo(before);
    }

    @Test
    void failedSwitchFlipsBack() {
        fake.failTlsBeforeChange = true;
        open(VaultPhase.UNSEALED);
        ToggleSwitch tls = find("#tls-switch", ToggleSwitch.class);
        clickOn("#tls-switch");
        settle();
        assertThat(tls.isSelected()).isTrue();
        assertThat(text("#notice-title")).isEqualTo("Switching TLS off for postgres failed");
    }

    @Test
    void sealedVaultSaysSoAndDisablesCopyButNotTheTokens() {
        fake.sealed = true;
        open(VaultPhase.SEALED);
        assertThat(shown("#vault-notice")).isTrue();
        assertThat(text("#vault-notice-title")).isEqualTo("Vault is sealed");
        assertThat(find("#copy-connection", Button.class).isDisabled()).isTrue();
        assertThat(find("#tls-switch", ToggleSwitch.class).isDisabled()).isTrue();

        clickOn("#copy-root-token");
        settle();
        assertThat(clipboard.text()).isEqualTo(FakeCredentialService.ROOT_TOKEN);
        assertThat(text("#copy-status")).isEqualTo("Copied the root token: clears in 30 s");

        fake.sealed = false;
        store.update(s -> s.withVault(vault(VaultPhase.UNSEALED)));
        settle();
        assertThat(shown("#vault-notice")).isFalse();
        assertThat(find("#copy-field-password", Button.class).isDisabled()).isFalse();
    }
}
