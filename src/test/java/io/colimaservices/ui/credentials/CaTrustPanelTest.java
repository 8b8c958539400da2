package io.colimaservices.ui.credentials;

import io.colimaservices.testing.FxSettle;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The CA panel rendered headless from its FXML above a page, clicked through over the fakes of the model test. */
class CaTrustPanelTest extends ApplicationTest {
    private CaTrustViewModel model;

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        CaTrustViewModelTest fixtures = new CaTrustViewModelTest();
        model = fixtures.model();
        Scene scene = new Scene((Parent) CaTrustPanel.below(new Pane(), model), 900, 500);
        stage.setScene(scene);
        stage.show();
        model.refresh();
    }

    @Test
    void trustIsOfferedWhileNotTrustedAndUntrustAfterAndEachServiceHasRenew() {
        FxSettle.settle();
        assertThat(lookup("#ca-trust").queryAs(Label.class).getText())
                .startsWith("The stack's CA is not trusted on this computer");
        assertThat(lookup("#ca-untrust-button").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(lookup("#ca-renew-postgres").queryAs(Button.class)).isNotNull();
        assertThat(lookup("#ca-expiry-mysql").queryAs(Label.class).getText()).isEqualTo("no certificate yet");

        clickOn("#ca-trust-button");
        FxSettle.settle();
        assertThat(lookup("#ca-trust").queryAs(Label.class).getText())
                .isEqualTo("The stack's CA is trusted in the NSS database.");
        assertThat(lookup("#ca-trust-button").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(lookup("#ca-untrust-button").queryAs(Button.class).isDisabled()).isFalse();
    }
}
