package io.colimaservices.ui.setup;

import io.colimaservices.testing.FxSettle;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The Setup page rendered headless from its FXML, clicked through over the fakes of {@link SetupViewModelTest}. */
class SetupViewTest extends ApplicationTest {
    private SetupSection section;

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        section = new SetupSection(new SetupViewModelTest().model());
        Scene scene = new Scene((Parent) section.build(), 1000, 900);
        stage.setScene(scene);
        stage.show();
        section.shown();
    }

    private String text(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void showsEachStepAndRunsOneStepThenEverything() {
        FxSettle.settle();
        assertThat(text("#setup-state-colima")).isEqualTo("done");
        assertThat(text("#setup-state-vault-init")).isEqualTo("todo");
        assertThat(text("#setup-state-vault-unseal")).isEqualTo("blocked");
        assertThat(text("#setup-summary")).isEqualTo("7 required steps left.");
        assertThat(lookup("#setup-run-vault-unseal").queryAs(Button.class).isDisabled()).isTrue();

        clickOn("#setup-run-vault-init");
        FxSettle.settle();
        assertThat(text("#setup-state-vault-init")).isEqualTo("done");
        assertThat(text("#setup-state-vault-unseal")).isEqualTo("todo");

        clickOn("#setup-run-all");
        FxSettle.settle();
        assertThat(text("#setup-state-tier")).isEqualTo("done");
        assertThat(text("#setup-summary")).isEqualTo("Setup is finished: every required step is done or skipped.");
        assertThat(lookup("#setup-run-all").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(text("#setup-notice-title")).isEqualTo("Setup finished");
    }
}
